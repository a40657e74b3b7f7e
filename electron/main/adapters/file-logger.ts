/**
 * The desk's own log: redacted JSON lines appended to `<dir>/desk.log` (owner-only permissions), where `dir`
 * is the OS's logs folder in the app (`app.getPath('logs')`) and `<dataDir>/logs` elsewhere. A file that
 * cannot be opened or written falls back to stderr rather than taking the app down.
 *
 * Our own rotating sink rather than electron-log: the redacting logger already formats and scrubs every line
 * (shared/secrets.ts), and a second logging pipeline would be a second place for a token to slip through.
 * Rotation keeps `keep` older files (desk.1.log is the newest of them) of at most `maxBytes` each, so the
 * folder never grows past (keep + 1) × maxBytes: a log a user can attach to a report.
 */
import { createWriteStream, existsSync, mkdirSync, openSync, renameSync, statSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Clock, Logger } from '../ports.ts';
import { createRedactingLogger } from './redacting-logger.ts';

export const LOG_FILE_NAME = 'desk.log';
export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 3;

export interface FileLoggerOptions {
  dir: string;
  clock: Clock;
  /** Default desk.log; `dfdesk` writes dfdesk.log beside it, so the two processes never rotate one file. */
  fileName?: string;
  maxBytes?: number;
  keep?: number;
}

export interface FileLogger {
  logger: Logger;
  /** The current log file. */
  path: string;
  close(): Promise<void>;
}

/** desk.log → desk.1.log → … → desk.<keep>.log; the oldest is overwritten. */
export function rotatedName(index: number, fileName = LOG_FILE_NAME): string {
  return index === 0 ? fileName : fileName.replace(/(\.log)?$/, `.${index}.log`);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function shiftFiles(dir: string, keep: number, fileName: string): void {
  for (let index = keep - 1; index >= 0; index--) {
    const from = join(dir, rotatedName(index, fileName));
    if (existsSync(from)) renameSync(from, join(dir, rotatedName(index + 1, fileName)));
  }
}

export function openFileLogger(options: FileLoggerOptions): FileLogger {
  const { dir, clock } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  const keep = options.keep ?? DEFAULT_LOG_KEEP;
  const fileName = options.fileName ?? LOG_FILE_NAME;
  const path = join(dir, fileName);
  let stream: WriteStream | null = null;
  let size = 0;
  let closed = false;

  const open = () => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      size = sizeOf(path);
      // Opened now, not on the stream's next tick: a rotation in the same tick must find the file to rename.
      const next = createWriteStream(path, { fd: openSync(path, 'a', 0o600) });
      // A full disk must not take the app down; lines are then lost, as with any log.
      next.on('error', () => undefined);
      stream = next;
    } catch {
      stream = null;
    }
  };

  const rotate = () => {
    const old = stream;
    stream = null;
    // Lines still buffered in the old stream land in desk.1.log: renaming keeps the open file.
    old?.end();
    try {
      shiftFiles(dir, keep, fileName);
    } catch {
      // Another process holds a file (Windows): keep appending to the big one rather than lose lines.
    }
    open();
  };

  open();
  const sink = (line: string) => {
    const bytes = Buffer.byteLength(line) + 1;
    if (!closed && size > 0 && size + bytes > maxBytes) rotate();
    const target = stream;
    if (target !== null && !target.closed && !target.destroyed) {
      target.write(`${line}\n`);
      size += bytes;
    } else {
      process.stderr.write(`${line}\n`);
    }
  };
  return {
    logger: createRedactingLogger({ sink, clock }),
    path,
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        const current = stream;
        stream = null;
        if (current === null) {
          resolve();
          return;
        }
        current.end(() => resolve());
      }),
  };
}
