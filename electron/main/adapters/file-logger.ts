/**
 * The desk's own log: redacted JSON lines appended to `<dataDir>/logs/desk.log` (owner-only permissions). A
 * file that cannot be opened or written falls back to stderr rather than taking the app down.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Clock, Logger } from '../ports.ts';
import { createRedactingLogger } from './redacting-logger.ts';

export interface FileLogger {
  logger: Logger;
  close(): Promise<void>;
}

export function openFileLogger(dataDir: string, clock: Clock): FileLogger {
  const dir = join(dataDir, 'logs');
  let stream: WriteStream | null = null;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    stream = createWriteStream(join(dir, 'desk.log'), { flags: 'a', mode: 0o600 });
    // A full disk must not take the app down; lines are then lost, as with any log.
    stream.on('error', () => undefined);
  } catch {
    stream = null;
  }
  const sink = (line: string) => {
    if (stream !== null && !stream.closed && !stream.destroyed) stream.write(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  };
  return {
    logger: createRedactingLogger({ sink, clock }),
    close: () =>
      new Promise<void>((resolve) => {
        if (stream === null) {
          resolve();
          return;
        }
        const open = stream;
        stream = null;
        open.end(() => resolve());
      }),
  };
}
