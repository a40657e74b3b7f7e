/**
 * Secrets come only from stdin or a prompt, never from the command line (where `ps`, shell history and CI logs
 * would keep them). The prompt reads without echo on a terminal.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { CliError, exitCodes, usageError } from './exit-codes.ts';
import type { CliReadable, CliWritable } from './io.ts';
import { readAll } from './io.ts';

/** The flags people try first, refused before anything runs (a flag's value would already be in `ps`). */
const SECRET_FLAGS: Record<string, string> = {
  '--password': 'Pass the password on stdin with --password-stdin, or leave it out to be asked for it.',
  '--api-key': 'Pass the API key on stdin with --api-key-stdin.',
  '--token': 'DF Desk keeps the session token itself: sign in with dfdesk login.',
};

/** The usage error for a secret given as a flag, or null. Never repeats the flag's value. */
export function refusedSecretFlag(argv: readonly string[]): CliError | null {
  for (const arg of argv) {
    if (arg === '--') return null;
    const name = arg.split('=', 1)[0] ?? arg;
    const hint = Object.hasOwn(SECRET_FLAGS, name) ? SECRET_FLAGS[name] : undefined;
    if (hint !== undefined) return usageError(`${name} is not accepted: secrets never go on the command line. ${hint}`);
    // Any other `--flag=value`: commander would print the whole argument in its "unknown option" error, and
    // the value may be a secret typed in the wrong place (`--password-stdin=hunter2`). Say so without it.
    if (name.startsWith('--') && arg.includes('=') && /pass|pw|key|token|secret/i.test(name)) {
      return usageError(`${name}=… is not accepted: secrets never go on the command line, and its value was not read.`);
    }
  }
  return null;
}

/** All of stdin, without the one line break a shell's `echo` or a file's last line adds. */
export async function readSecretFromStdin(stdin: CliReadable, what: string): Promise<string> {
  // On a terminal the typed secret would be echoed: the prompt (without the -stdin flag) reads it hidden.
  if (stdin.isTTY === true) throw usageError(`stdin is a terminal, where the ${what} would show as you type: leave out the -stdin flag to be asked for it without echo.`);
  const secret = (await readAll(stdin)).replace(/\r?\n$/, '');
  if (secret === '') throw usageError(`No ${what} on stdin.`);
  return secret;
}

/**
 * Asks on stderr and reads one line from a terminal without echoing it. Ctrl+C cancels (exit 130); no terminal
 * is a usage error pointing at the stdin flag.
 */
export function promptSecret(label: string, stdin: CliReadable, stderr: CliWritable, stdinFlag: string): Promise<string> {
  if (stdin.isTTY !== true) {
    return Promise.reject(usageError(`No terminal to ask on (${label}): pass it on stdin with ${stdinFlag}.`));
  }
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) stderr.write(chunk.toString());
      done();
    },
  });
  const reader = createInterface({ input: stdin, output, terminal: true });
  return new Promise<string>((resolve, reject) => {
    let answered = false;
    reader.on('SIGINT', () => reader.close());
    reader.on('close', () => {
      stderr.write('\n');
      if (!answered) reject(new CliError('Cancelled.', exitCodes.cancelled));
    });
    stderr.write(`${label}: `);
    muted = true;
    reader.question('', (answer) => {
      answered = true;
      reader.close();
      if (answer === '') reject(usageError(`Nothing was typed (${label}).`));
      else resolve(answer);
    });
  });
}
