import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, type FocusableWindow, focusWindow } from '../../../../electron/main/shell/single-instance.ts';

function fakeApp(gotLock: boolean) {
  const listeners: Array<() => void> = [];
  return {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((_event: 'second-instance', listener: () => void) => listeners.push(listener)),
    secondInstance: () => {
      for (const l of listeners) l();
    },
  };
}

function fakeWindow(minimized = false, destroyed = false) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
}

describe('claimSingleInstance', () => {
  it('quits when another instance holds the lock', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('keeps running with the lock and focuses the window on a second launch', () => {
    const app = fakeApp(true);
    const { window, calls } = fakeWindow(true);
    expect(claimSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.secondInstance();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a second launch before the window exists does nothing', () => {
    const app = fakeApp(true);
    claimSingleInstance(app, () => null);
    expect(() => app.secondInstance()).not.toThrow();
  });
});

describe('focusWindow', () => {
  it('does not restore a window that is not minimized', () => {
    const { window, calls } = fakeWindow(false);
    focusWindow(window);
    expect(calls).toEqual(['show', 'focus']);
  });
  it('ignores a destroyed window', () => {
    const { window, calls } = fakeWindow(false, true);
    focusWindow(window);
    expect(calls).toEqual([]);
  });
});
