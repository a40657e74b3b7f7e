/**
 * Builds `window.desk` on top of an ipcRenderer. The renderer gets `invoke` (contract channels only) and `on`
 * (payload only, never the IpcRendererEvent, which would leak `sender` and `ports`); nothing else.
 */
import { createBridge } from '../../shared/ipc/bridge.ts';
import type { DeskBridge } from '../../shared/ipc/contract.ts';
// Not from contract.ts: that module brings zod, which the sandboxed preload would have to bundle.
import { ipcPrefix } from '../../shared/ipc/names.ts';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The three ipcRenderer methods the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export function createPreloadBridge(ipc: IpcRendererLike): DeskBridge {
  return createBridge(
    (channel, payload) => ipc.invoke(ipcPrefix + channel, payload),
    (event, listener) => {
      const handler: IpcListener = (_event, payload) => listener(payload);
      ipc.on(ipcPrefix + event, handler);
      return () => {
        ipc.removeListener(ipcPrefix + event, handler);
      };
    },
  );
}
