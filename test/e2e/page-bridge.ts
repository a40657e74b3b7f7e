/**
 * Runs INSIDE the page as an init script (bundled by page-bridge-bundle.ts): the e2e stand-in for the preload.
 * It builds `window.desk` with the same `createBridge` the preload uses; only the transport differs: calls go
 * through the `__deskInvoke` page binding instead of ipcRenderer.invoke, and the harness pushes events by
 * calling `__deskPush` instead of webContents.send.
 */
import { createBridge } from '../../shared/ipc/bridge.ts';
import type { DeskEventName } from '../../shared/ipc/contract.ts';
import { invokeBindingName, pushHookName } from './bridge-names.ts';

type Listener = (payload: unknown) => void;

const listeners = new Map<DeskEventName, Set<Listener>>();

function rawInvoke(channel: string, payload: unknown): Promise<unknown> {
  // Looked up per call: Playwright installs the binding itself, and it must exist before the first call only.
  const binding: unknown = Reflect.get(globalThis, invokeBindingName);
  if (typeof binding !== 'function') return Promise.reject(new Error('The harness binding is missing.'));
  // Exactly one payload argument, like the preload's ipcRenderer.invoke(channel, payload).
  return (binding as (channel: string, payload: unknown) => Promise<unknown>)(channel, payload);
}

const bridge = createBridge(rawInvoke, (event, listener) => {
  let set = listeners.get(event);
  if (set === undefined) {
    set = new Set();
    listeners.set(event, set);
  }
  // A wrapper per subscription, so subscribing one function twice gives two independent unsubscribes.
  const entry: Listener = (payload) => listener(payload);
  set.add(entry);
  return () => {
    set.delete(entry);
  };
});

function push(event: DeskEventName, payload: unknown): void {
  for (const listener of [...(listeners.get(event) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      // One broken listener must not starve the others (Electron's emitter behaves the same way).
      console.error(error);
    }
  }
}

// Read-only and non-configurable, like a contextBridge.exposeInMainWorld property.
Object.defineProperty(globalThis, 'desk', {
  value: Object.freeze({ invoke: bridge.invoke, on: bridge.on }),
  enumerable: true,
  writable: false,
  configurable: false,
});
Object.defineProperty(globalThis, pushHookName, {
  value: push,
  enumerable: false,
  writable: false,
  configurable: false,
});
