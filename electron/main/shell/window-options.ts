/** Options for the main window: hidden until ready-to-show (no white flash), secure webPreferences. */
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './web-preferences.ts';

export const defaultBackgroundColor = '#0f172a';

/** The first-run size and the smallest the layout allows (window-state.ts clamps restored sizes to these). */
export const mainWindowSize = { width: 1280, height: 820, minWidth: 880, minHeight: 560 } as const;

export interface MainWindowSettings {
  preloadPath: string;
  /** #rrggbb; later the renderer's instance tag color can tint the chrome. */
  backgroundColor?: string;
}

export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  const color = settings.backgroundColor;
  return {
    title: 'DF Desk',
    ...mainWindowSize,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: color !== undefined && /^#[0-9a-fA-F]{6}$/.test(color) ? color : defaultBackgroundColor,
    webPreferences: secureWebPreferences(settings.preloadPath),
  };
}
