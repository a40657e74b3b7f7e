/**
 * The streams and environment a command line run works with: `process` in the real thing, plain objects in
 * tests. Nothing here touches the desk.
 */
import type { Readable } from 'node:stream';

export interface CliWritable {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  /** True on a terminal: pretty output, colour, the spinner and prompts. */
  readonly isTTY?: boolean;
}

export type CliReadable = Readable & {
  readonly isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
};

export type CliEnv = Readonly<Record<string, string | undefined>>;

export interface CliIo {
  stdin: CliReadable;
  stdout: CliWritable;
  stderr: CliWritable;
  env: CliEnv;
  /** Relative --data-dir and --data @file paths start here. */
  cwd: string;
}

export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Resolves once everything written so far has left the process (a pipe on macOS is asynchronous). */
export function flushed(stream: CliWritable): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}

/** Everything on `stream` until it ends, as UTF-8. */
export async function readAll(stream: CliReadable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
