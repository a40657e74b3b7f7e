import { EventEmitter } from 'node:events';
import type { IpcRendererLike } from '../../../electron/preload/bridge.ts';

/** An ipcRenderer stand-in: invoke goes to a supplied handler; `push` emits like a main-process send. */
export function fakeIpcRenderer(answer: (channel: string, ...args: unknown[]) => Promise<unknown>) {
  const emitter = new EventEmitter();
  const invoked: unknown[][] = [];
  const ipc: IpcRendererLike & { push(channel: string, payload: unknown): void; count(channel: string): number } = {
    invoke: (channel, ...args) => {
      invoked.push([channel, ...args]);
      return answer(channel, ...args);
    },
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
    // Electron calls listeners with (IpcRendererEvent, ...args); the event carries sender and ports.
    push: (channel, payload) => emitter.emit(channel, { sender: 'ipcRenderer itself', ports: [] }, payload),
    count: (channel) => emitter.listenerCount(channel),
  };
  return { ipc, invoked };
}
