/**
 * The shell logs through the desk's own logger (the redacting file logger at `<dataDir>/logs/desk.log`), so
 * its warnings land next to the services' lines. That logger exists only once createDesk resolved: lines
 * from before are held and written to it, in order, when it arrives. If startup fails before it exists,
 * the held lines and the failure go to a fallback sink (stderr in the app): there is no other place left.
 */
import { createRedactingLogger } from '../adapters/redacting-logger.ts';
import type { Logger } from '../ports.ts';

export interface ShellLog {
  warn(message: string): void;
  /** From now on lines go to `logger`; the held ones first. */
  attach(logger: Logger): void;
  /** No desk logger is coming (startup failed first): held and later lines go to the fallback sink. */
  switchToFallback(): void;
}

// Enough for any startup; a flood before the desk exists must not grow without bound.
const maxHeld = 100;

export function createShellLog(fallbackSink: (line: string) => void): ShellLog {
  let target: Logger | null = null;
  const held: string[] = [];
  let dropped = 0;

  const release = (logger: Logger) => {
    if (target !== null) return;
    target = logger;
    for (const message of held.splice(0)) logger.warn(message);
    if (dropped > 0) logger.warn(`${dropped} earlier shell warnings were dropped before the log was ready.`);
    dropped = 0;
  };

  return {
    warn(message) {
      if (target !== null) target.warn(message);
      else if (held.length < maxHeld) held.push(message);
      else dropped++;
    },
    attach: release,
    switchToFallback: () => release(createRedactingLogger({ sink: fallbackSink })),
  };
}
