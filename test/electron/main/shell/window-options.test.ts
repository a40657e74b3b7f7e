import { describe, expect, it } from 'vitest';
import { defaultBackgroundColor, mainWindowOptions } from '../../../../electron/main/shell/window-options.ts';

describe('mainWindowOptions', () => {
  it('starts hidden (shown on ready-to-show) with secure webPreferences', () => {
    const options = mainWindowOptions({ preloadPath: '/app/preload/index.cjs' });
    expect(options.show).toBe(false);
    expect(options.title).toBe('DF Desk');
    expect(options.webPreferences?.sandbox).toBe(true);
    expect(options.webPreferences?.contextIsolation).toBe(true);
    expect(options.webPreferences?.preload).toBe('/app/preload/index.cjs');
  });

  it('accepts a #rrggbb background and ignores anything else', () => {
    expect(mainWindowOptions({ preloadPath: '/p', backgroundColor: '#ff0000' }).backgroundColor).toBe('#ff0000');
    expect(mainWindowOptions({ preloadPath: '/p', backgroundColor: 'red; x' }).backgroundColor).toBe(defaultBackgroundColor);
  });
});
