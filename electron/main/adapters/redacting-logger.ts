import type { Clock, LogFields, Logger } from '../ports.ts';
import { redactText, redactValue } from '../../../shared/secrets.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface RedactingLoggerOptions {
  /** Receives one finished line (JSON, no trailing newline). A file appender, stderr, or an array in tests. */
  sink: (line: string) => void;
  /** Lines below this level are dropped. Default: info. */
  level?: LogLevel;
  clock?: Clock;
}

/**
 * A Logger that writes JSON lines and redacts secrets from both the message and the fields, so a careless
 * `logger.info('refreshed', { response })` cannot leak a token into the user's log file.
 */
export function createRedactingLogger(options: RedactingLoggerOptions): Logger {
  const threshold = rank[options.level ?? 'info'];
  const now = () => options.clock?.now() ?? Date.now();
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (rank[level] < threshold) return;
    // Fields nest under `fields` so a field called "message" or "level" cannot overwrite the line's own.
    const record: Record<string, unknown> = { time: new Date(now()).toISOString(), level, message: redactText(message) };
    if (fields !== undefined && Object.keys(fields).length > 0) record.fields = redactValue(fields);
    try {
      options.sink(JSON.stringify(record));
    } catch {
      // Logging must never take the app down (a full disk, a closed stream).
    }
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
