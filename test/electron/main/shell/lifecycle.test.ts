import { describe, expect, it, vi } from 'vitest';
import { createQuitGuard } from '../../../../electron/main/shell/lifecycle.ts';

function event() {
  return { preventDefault: vi.fn() };
}

describe('createQuitGuard', () => {
  it('holds the first quit until dispose resolves, then quits once; the second will-quit passes', async () => {
    let release: () => void = () => undefined;
    const dispose = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const quit = vi.fn();
    const guard = createQuitGuard({ dispose, quit, setTimer: () => undefined });

    const first = event();
    guard(first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();

    const whileDisposing = event();
    guard(whileDisposing);
    expect(whileDisposing.preventDefault).toHaveBeenCalledOnce();
    expect(dispose).toHaveBeenCalledOnce();

    release();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());

    const after = event();
    guard(after);
    expect(after.preventDefault).not.toHaveBeenCalled();
    expect(dispose).toHaveBeenCalledOnce();
  });

  it('still quits when dispose rejects or throws, and reports the error', async () => {
    for (const dispose of [() => Promise.reject(new Error('flush failed')), () => { throw new Error('sync'); }]) {
      const quit = vi.fn();
      const onError = vi.fn();
      createQuitGuard({ dispose: dispose as () => Promise<void>, quit, onError, setTimer: () => undefined })(event());
      await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
      expect(onError).toHaveBeenCalledOnce();
    }
  });

  it('quits after the timeout when dispose hangs', () => {
    const timers: Array<{ callback: () => void; ms: number }> = [];
    const quit = vi.fn();
    const onError = vi.fn();
    const guard = createQuitGuard({
      dispose: () => new Promise<void>(() => undefined),
      quit,
      onError,
      timeoutMs: 1234,
      setTimer: (callback, ms) => timers.push({ callback, ms }),
    });
    guard(event());
    expect(timers.map((t) => t.ms)).toEqual([1234]);
    expect(quit).not.toHaveBeenCalled();
    timers[0]?.callback();
    expect(quit).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledOnce();
  });
});
