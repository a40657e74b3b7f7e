/**
 * The renderer's webPreferences. The renderer is a web page with no Node access: everything it may do goes
 * through the preload's `window.desk`, which the main process checks.
 */
import { isAbsolute } from 'node:path';
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  // Electron resolves a relative preload against the cwd, which is not ours to trust.
  if (!isAbsolute(preloadPath)) throw new Error('The preload path must be absolute.');
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    plugins: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}
