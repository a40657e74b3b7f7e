/**
 * The preload: exposes one frozen `window.desk` object built from the contract. No ipcRenderer, process or env
 * crosses into the page. Bundled to CommonJS because sandboxed preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './bridge.ts';

const desk = createPreloadBridge(ipcRenderer);

// Only these two functions cross the bridge; contextBridge copies them, so the page cannot reach our closures.
contextBridge.exposeInMainWorld('desk', Object.freeze({ invoke: desk.invoke, on: desk.on }));
