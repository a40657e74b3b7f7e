/**
 * Quitting waits for the desk to dispose (timers stopped, stores flushed), then quits for real. A dispose that
 * hangs or fails must never keep the app from quitting, so it is bounded by a timeout.
 */

export interface QuitEvent {
  preventDefault(): void;
}

export interface QuitGuardOptions {
  dispose: () => Promise<void>;
  quit: () => void;
  onError?: (error: unknown) => void;
  timeoutMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
}

/** A `will-quit` listener: the first quit is held until dispose settles (or times out), later ones pass. */
export function createQuitGuard(options: QuitGuardOptions): (event: QuitEvent) => void {
  let state: 'running' | 'disposing' | 'done' = 'running';
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const finish = () => {
    if (state === 'done') return;
    state = 'done';
    options.quit();
  };
  return (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    setTimer(() => {
      options.onError?.(new Error('Shutting down took too long; quitting anyway.'));
      finish();
    }, options.timeoutMs ?? 5000);
    let disposing: Promise<void>;
    try {
      disposing = options.dispose();
    } catch (error) {
      disposing = Promise.reject(error);
    }
    disposing.catch((error: unknown) => options.onError?.(error)).finally(finish);
  };
}
