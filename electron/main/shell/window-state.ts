/**
 * The main window reopens where the user left it: same size, place and maximised state. Monitors change
 * between runs (a laptop leaves its dock, a resolution drops), so a saved place is used only while its title
 * bar would still be on a screen: otherwise the window is pulled back onto one, or centred on the primary.
 */
import type { Display, Rectangle, Screen } from 'electron';
import type { Timers } from '../../../shared/df/clock.ts';

export interface WindowState {
  /** The normal (not maximised, not full-screen) bounds, in DIP. */
  bounds: Rectangle;
  maximized: boolean;
}

export type DisplayLike = Pick<Display, 'workArea'>;

export interface ScreenLayout {
  displays: readonly DisplayLike[];
  primary: DisplayLike;
}

/** Reads the layout from Electron's `screen` (usable only after `ready`). */
export function screenLayout(screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>): ScreenLayout {
  return { displays: screen.getAllDisplays(), primary: screen.getPrimaryDisplay() };
}

export interface WindowSizeDefaults {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** x, y, width and height for the BrowserWindow options, and whether to maximise it before showing it. */
export interface RestoredWindow {
  bounds: Rectangle;
  maximized: boolean;
}

/** This much of the title bar must be on a work area for the saved place to be kept: enough to grab it. */
export const titleBarHeight = 32;
export const minVisibleWidth = 120;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** The display showing most of `bounds`, or null when it is on none (its monitor is gone). */
function mostOverlapping(bounds: Rectangle, displays: readonly DisplayLike[]): DisplayLike | null {
  let best: DisplayLike | null = null;
  let bestArea = 0;
  for (const display of displays) {
    const { width, height } = overlap(bounds, display.workArea);
    if (width * height > bestArea) {
      best = display;
      bestArea = width * height;
    }
  }
  return best;
}

function titleBarVisible(bounds: Rectangle, displays: readonly DisplayLike[]): boolean {
  const bar = { x: bounds.x, y: bounds.y, width: bounds.width, height: titleBarHeight };
  const needed = Math.min(minVisibleWidth, bounds.width);
  return displays.some((display) => {
    const seen = overlap(bar, display.workArea);
    return seen.width >= needed && seen.height >= titleBarHeight;
  });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/** No larger than the work area; no smaller than the window's minimum unless the screen itself is smaller. */
function fitSize(width: number, height: number, area: Rectangle, defaults: WindowSizeDefaults) {
  return {
    width: clamp(width, Math.min(defaults.minWidth, area.width), area.width),
    height: clamp(height, Math.min(defaults.minHeight, area.height), area.height),
  };
}

/** Where to open the main window, from the saved state (null: none or unreadable) and today's displays. */
export function restoreBounds(saved: WindowState | null, layout: ScreenLayout, defaults: WindowSizeDefaults): RestoredWindow {
  const primaryArea = layout.primary.workArea;
  const target = saved === null ? null : mostOverlapping(saved.bounds, layout.displays);
  if (saved === null || target === null) {
    // The saved size is kept when its monitor is gone; only the place is lost.
    const size = fitSize(saved?.bounds.width ?? defaults.width, saved?.bounds.height ?? defaults.height, primaryArea, defaults);
    const centred = {
      x: primaryArea.x + Math.round((primaryArea.width - size.width) / 2),
      y: primaryArea.y + Math.round((primaryArea.height - size.height) / 2),
      ...size,
    };
    return { bounds: centred, maximized: saved?.maximized ?? false };
  }
  const area = target.workArea;
  const size = fitSize(saved.bounds.width, saved.bounds.height, area, defaults);
  const kept = { x: saved.bounds.x, y: saved.bounds.y, ...size };
  if (titleBarVisible(kept, layout.displays)) return { bounds: kept, maximized: saved.maximized };
  const pulledIn = {
    x: clamp(saved.bounds.x, area.x, area.x + area.width - size.width),
    y: clamp(saved.bounds.y, area.y, area.y + area.height - size.height),
    ...size,
  };
  return { bounds: pulledIn, maximized: saved.maximized };
}

/** The window members read when saving (Electron's BrowserWindow satisfies it). */
export interface MeasurableWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isFullScreen(): boolean;
}

/**
 * The state to save, or null while full screen: some platforms report the screen's bounds as the normal
 * ones then, and reopening full screen is rarely wanted, so the last state from before it is kept.
 */
export function captureState(window: MeasurableWindow): WindowState | null {
  if (window.isFullScreen()) return null;
  const { x, y, width, height } = window.getNormalBounds();
  return { bounds: { x, y, width, height }, maximized: window.isMaximized() };
}

export interface TrackedWindow extends MeasurableWindow {
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'move', listener: () => void): unknown;
  on(event: 'maximize', listener: () => void): unknown;
  on(event: 'unmaximize', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface WindowStateSink {
  save(state: WindowState): void;
}

/** Saves after moves and resizes settle (a drag fires dozens of events), and at once when the window closes. */
export function trackWindowState(window: TrackedWindow, store: WindowStateSink, timers: Timers, debounceMs = 750): void {
  let pending: unknown = null;
  let lastSaved = '';
  // After 'close' the window is on its way to being destroyed: measuring it then would throw.
  let closing = false;
  const save = () => {
    pending = null;
    const state = captureState(window);
    if (state === null) return;
    const serialised = JSON.stringify(state);
    if (serialised === lastSaved) return;
    lastSaved = serialised;
    store.save(state);
  };
  const later = () => {
    if (closing) return;
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(save, debounceMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  // 'close', not 'closed': the window can still be measured, and the app may quit right after.
  window.on('close', () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    save();
    closing = true;
  });
}
