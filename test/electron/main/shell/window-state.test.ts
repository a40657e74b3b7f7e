import { EventEmitter } from 'node:events';
import type { BrowserWindow, Rectangle, Screen } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  captureState,
  type DisplayLike,
  restoreBounds,
  type ScreenLayout,
  screenLayout,
  type TrackedWindow,
  trackWindowState,
  type WindowState,
} from '../../../../electron/main/shell/window-state.ts';
import { ManualClock, ManualTimers } from '../../../fixtures/clocks.ts';

const defaults = { width: 1280, height: 820, minWidth: 880, minHeight: 560 };

function display(x: number, y: number, width: number, height: number): DisplayLike {
  return { workArea: { x, y, width, height } };
}

// A 1920×1080 laptop panel (taskbar 40 px) as primary, and a 2560×1440 monitor to its left or right.
const laptop = display(0, 0, 1920, 1040);
const rightMonitor = display(1920, 0, 2560, 1400);
const leftMonitor = display(-2560, -200, 2560, 1400);

function layout(...displays: DisplayLike[]): ScreenLayout {
  return { displays, primary: displays[0] ?? laptop };
}

function saved(x: number, y: number, width: number, height: number, maximized = false): WindowState {
  return { bounds: { x, y, width, height }, maximized };
}

describe('restoreBounds', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(restoreBounds(null, layout(laptop, rightMonitor), defaults)).toEqual({
      bounds: { x: 320, y: 110, width: 1280, height: 820 },
      maximized: false,
    });
  });

  it('keeps a saved place that is still on screen, on either side of the primary', () => {
    const onRight = saved(2200, 100, 1600, 1000);
    expect(restoreBounds(onRight, layout(laptop, rightMonitor), defaults).bounds).toEqual(onRight.bounds);
    const onLeft = saved(-2400, -150, 1500, 900);
    expect(restoreBounds(onLeft, layout(laptop, leftMonitor), defaults).bounds).toEqual(onLeft.bounds);
  });

  it('centres on the primary, keeping the size, when the saved monitor is gone', () => {
    const restored = restoreBounds(saved(2200, 100, 1600, 1000, true), layout(laptop), defaults);
    expect(restored).toEqual({ bounds: { x: 160, y: 20, width: 1600, height: 1000 }, maximized: true });
    const wasLeft = restoreBounds(saved(-2400, -150, 1500, 900), layout(laptop), defaults);
    expect(wasLeft.bounds).toEqual({ x: 210, y: 70, width: 1500, height: 900 });
  });

  it('shrinks a window larger than its display now is (the resolution dropped)', () => {
    const small = display(0, 0, 1366, 728);
    expect(restoreBounds(saved(0, 0, 1900, 1000), layout(small), defaults).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
    });
    // Shrunk so far that the saved place is off it entirely: centred.
    expect(restoreBounds(saved(1500, 800, 900, 600), layout(small), defaults).bounds).toEqual({
      x: 233,
      y: 64,
      width: 900,
      height: 600,
    });
  });

  it('pulls a window back when only its bottom edge shows and the title bar is off screen', () => {
    // Title bar above the top of the work area.
    expect(restoreBounds(saved(100, -700, 1000, 800), layout(laptop), defaults).bounds).toEqual({
      x: 100,
      y: 0,
      width: 1000,
      height: 800,
    });
    // Only 50 px of the title bar on the right edge: too little to grab.
    expect(restoreBounds(saved(1870, 200, 1000, 800), layout(laptop), defaults).bounds).toEqual({
      x: 920,
      y: 200,
      width: 1000,
      height: 800,
    });
  });

  it('keeps a window straddling two monitors whose title bar is visible', () => {
    const straddling = saved(1500, 100, 1200, 800);
    expect(restoreBounds(straddling, layout(laptop, rightMonitor), defaults).bounds).toEqual(straddling.bounds);
  });

  it('keeps the title bar on a monitor whose top is lower than its neighbour', () => {
    // Right monitor starts 300 px lower: a title bar at y 100 beyond x 1920 is in the gap above it.
    const lower = display(1920, 300, 2560, 1400);
    const restored = restoreBounds(saved(2400, 100, 1200, 900), layout(laptop, lower), defaults);
    expect(restored.bounds).toEqual({ x: 2400, y: 300, width: 1200, height: 900 });
  });

  it('never makes a window smaller than its minimum unless the screen is', () => {
    expect(restoreBounds(saved(10, 10, 300, 200), layout(laptop), defaults).bounds).toMatchObject({
      width: 880,
      height: 560,
    });
    const tiny = display(0, 0, 800, 500);
    expect(restoreBounds(null, layout(tiny), defaults).bounds).toEqual({ x: 0, y: 0, width: 800, height: 500 });
  });

  it('keeps the maximised state', () => {
    expect(restoreBounds(saved(100, 100, 1200, 800, true), layout(laptop), defaults).maximized).toBe(true);
  });
});

function fakeWindow(bounds: Rectangle) {
  const emitter = new EventEmitter();
  const window = {
    bounds,
    maximized: false,
    fullScreen: false,
    getNormalBounds: () => ({ ...window.bounds }),
    isMaximized: () => window.maximized,
    isFullScreen: () => window.fullScreen,
    on: (event: string, listener: () => void) => emitter.on(event, listener),
    emit: (event: string) => emitter.emit(event),
  };
  return window;
}

describe('captureState', () => {
  it('reads the normal bounds and the maximised state, and nothing while full screen', () => {
    const window = fakeWindow({ x: 5, y: 6, width: 900, height: 700 });
    window.maximized = true;
    expect(captureState(window)).toEqual(saved(5, 6, 900, 700, true));
    window.fullScreen = true;
    expect(captureState(window)).toBeNull();
  });
});

describe('trackWindowState', () => {
  function setup() {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const window = fakeWindow({ x: 0, y: 0, width: 1000, height: 700 });
    const saves: WindowState[] = [];
    trackWindowState(window as TrackedWindow, { save: (state) => saves.push(state) }, timers, 500);
    return { timers, window, saves };
  }

  it('saves once a drag has settled, not on every move', async () => {
    const { timers, window, saves } = setup();
    for (let x = 1; x <= 20; x++) {
      window.bounds = { ...window.bounds, x };
      window.emit('move');
      await timers.advance(100);
    }
    expect(saves).toEqual([]);
    await timers.advance(500);
    expect(saves).toEqual([saved(20, 0, 1000, 700)]);
  });

  it('saves maximise and unmaximise, but not an unchanged state twice', async () => {
    const { timers, window, saves } = setup();
    window.maximized = true;
    window.emit('maximize');
    await timers.advance(500);
    window.emit('resize');
    await timers.advance(500);
    window.maximized = false;
    window.emit('unmaximize');
    await timers.advance(500);
    expect(saves.map((state) => state.maximized)).toEqual([true, false]);
  });

  it('saves at once on close, cancelling the pending save', async () => {
    const { timers, window, saves } = setup();
    window.bounds = { ...window.bounds, width: 1100 };
    window.emit('resize');
    window.emit('close');
    expect(saves).toEqual([saved(0, 0, 1100, 700)]);
    expect(timers.pending.size).toBe(0);
  });

  it('a move or resize after close schedules nothing (the window is going away and cannot be measured)', async () => {
    const { timers, window, saves } = setup();
    window.emit('close');
    window.bounds = { ...window.bounds, x: 300 };
    window.emit('move');
    window.emit('resize');
    expect(timers.pending.size).toBe(0);
    await timers.advance(1000);
    expect(saves).toHaveLength(1);
  });

  it('keeps the state from before full screen', async () => {
    const { timers, window, saves } = setup();
    window.fullScreen = true;
    window.bounds = { x: 0, y: 0, width: 1920, height: 1080 };
    window.emit('resize');
    await timers.advance(500);
    window.emit('close');
    expect(saves).toEqual([]);
  });
});

describe('Electron fit (checked by tsc)', () => {
  it('BrowserWindow is a TrackedWindow and screen gives a layout', () => {
    expectTypeOf<BrowserWindow>().toExtend<TrackedWindow>();
    expectTypeOf<Screen>().toExtend<Parameters<typeof screenLayout>[0]>();
  });

  it('screenLayout reads all displays and the primary', () => {
    const screen = { getAllDisplays: () => [laptop, rightMonitor], getPrimaryDisplay: () => laptop };
    expect(screenLayout(screen as unknown as Screen)).toEqual({ displays: [laptop, rightMonitor], primary: laptop });
  });
});
