/**
 * The renderer's only door to the main process: typed calls over `window.desk`, `{ok:false}` turned back into
 * the shared DeskError, and an axios instance per DF instance whose adapter sends every request over IPC. The
 * token stays in the main process; this module never sees one.
 *
 * Only `import type` from the contract: the contract module pulls zod in at runtime, which the renderer bundle
 * does not need (bridge.ts and names.ts are its zod-free half).
 */
import type { AxiosInstance } from 'axios';
import type { ChannelName, ChannelPayload, ChannelValue, DeskBridge, DeskEventName } from '../shared/ipc/contract.ts';
import type { DeskEvents } from '../shared/ipc/contract.ts';
import { resultValue } from '../shared/ipc/bridge.ts';
import { DeskError } from '../shared/ipc/desk-error.ts';
import { createIpcAxios, invokeOrFail } from './ipcAxios.ts';

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

export interface DeskClient {
  call<C extends ChannelName>(channel: C, payload: ChannelPayload<C>): Promise<ChannelValue<C>>;
  on<E extends DeskEventName>(event: E, listener: (payload: DeskEvents[E]) => void): () => void;
  /** axios for one DF instance; paths are relative to /api/v2 (`/db/_table/contacts`). */
  api(instanceId: string): AxiosInstance;
  /** Fires when any request fails because the instance's session ended, so the app can offer a sign-in. */
  onSessionEnded(listener: (instanceId: string) => void): () => void;
}

export function createDeskClient(bridge: DeskBridge): DeskClient {
  const sessionEndedListeners = new Set<(instanceId: string) => void>();
  const instancesApi = new Map<string, AxiosInstance>();

  async function call<C extends ChannelName>(channel: C, payload: ChannelPayload<C>): Promise<ChannelValue<C>> {
    return resultValue<ChannelValue<C>>(await invokeOrFail(bridge, channel, payload));
  }

  function api(instanceId: string): AxiosInstance {
    let instance = instancesApi.get(instanceId);
    if (!instance) {
      instance = createIpcAxios(
        instanceId,
        bridge,
        () => {
          for (const listener of sessionEndedListeners) listener(instanceId);
        },
      );
      instancesApi.set(instanceId, instance);
    }
    return instance;
  }

  return {
    call,
    on: (event, listener) => bridge.on(event, listener),
    api,
    onSessionEnded(listener) {
      sessionEndedListeners.add(listener);
      return () => sessionEndedListeners.delete(listener);
    },
  };
}

/** The preload's bridge, or a clear error when the page runs outside DF Desk (e.g. opened in a browser). */
export function getBridge(): DeskBridge {
  const bridge = typeof window === 'undefined' ? undefined : window.desk;
  if (!bridge) throw new DeskError('internal', 'window.desk is missing: open this page in DF Desk.');
  return bridge;
}
