import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../../electron/main/shell/web-preferences.ts';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/opt/df-desk/build/electron/preload/index.cjs');

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('sets the preload and nothing that loosens security', () => {
    expect(prefs.preload).toBe('/opt/df-desk/build/electron/preload/index.cjs');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('refuses a relative preload path', () => {
    expect(() => secureWebPreferences('build/electron/preload/index.cjs')).toThrow(/absolute/);
  });
});
