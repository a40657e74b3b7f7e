/**
 * A spinner on stderr for calls that may take a while (a slow server, a refresh first). Only on a terminal, and
 * only once a call has taken `delayMs`: a quick command never flickers, and stdout (the data) is never touched.
 */
import type { CliWritable } from './io.ts';

export interface SpinnerTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface SpinnerOptions {
  /** Default: only when `stream` is a terminal. */
  enabled?: boolean;
  delayMs?: number;
  intervalMs?: number;
  timers?: SpinnerTimers;
}

export interface Spinner {
  /** Resolves or rejects as `task` does; the spinner line is gone by then. */
  run<T>(label: string, task: () => Promise<T>): Promise<T>;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\u001b[K';

/** Real timers that never keep the process alive on their own. */
const unrefTimers: SpinnerTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export function createSpinner(stream: CliWritable, options: SpinnerOptions = {}): Spinner {
  const enabled = options.enabled ?? stream.isTTY === true;
  const timers = options.timers ?? unrefTimers;
  const delayMs = options.delayMs ?? 300;
  const intervalMs = options.intervalMs ?? 80;
  return {
    async run(label, task) {
      if (!enabled) return task();
      let frame = 0;
      let ticker: unknown;
      const draw = () => {
        stream.write(`${CLEAR_LINE}${FRAMES[frame % FRAMES.length]} ${label}`);
        frame++;
      };
      const delay = timers.setTimeout(() => {
        draw();
        ticker = timers.setInterval(draw, intervalMs);
      }, delayMs);
      try {
        return await task();
      } finally {
        timers.clearTimeout(delay);
        if (ticker !== undefined) {
          timers.clearInterval(ticker);
          stream.write(CLEAR_LINE);
        }
      }
    },
  };
}
