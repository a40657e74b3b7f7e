/**
 * Registers one ipcMain handler per contract channel. Each call passes the sender check first, then
 * `dispatch` (payload schema, handler, error shaping). Written against the part of ipcMain it uses; the entry
 * passes Electron's ipcMain, which the typechecker holds to this shape.
 */
import { type ChannelName, channelNames, type DeskApi, type DeskResult, ipcPrefix } from '../../../shared/ipc/contract.ts';
import { dispatch, refused } from '../../../shared/ipc/dispatch.ts';
import { checkSender, describeSender, type InvokeEventLike, type SenderTrust } from './sender-policy.ts';

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface RouterOptions {
  ipcMain: IpcMainLike;
  api: DeskApi;
  trust: SenderTrust;
  warn: (message: string) => void;
  onUnexpectedError?: (error: unknown, channel: ChannelName) => void;
}

export const refusedSenderMessage = 'This call was refused: it did not come from a DF Desk window.';

/** Handles one invoke; exported so the whole path (sender check → dispatch) is testable without Electron. */
export function handleInvoke(
  options: Omit<RouterOptions, 'ipcMain'>,
  channel: ChannelName,
  event: InvokeEventLike,
  args: unknown[],
): Promise<DeskResult<unknown>> {
  const verdict = checkSender(describeSender(event), options.trust);
  if (!verdict.ok) {
    options.warn(`Refused IPC call ${channel}: ${verdict.reason}.`);
    return Promise.resolve(refused(refusedSenderMessage));
  }
  // Exactly one payload object per call; extra arguments mean a caller that is not our preload.
  if (args.length !== 1) {
    return Promise.resolve({ ok: false, error: { kind: 'invalid-input', message: 'Each call takes exactly one payload.' } });
  }
  return dispatch(options.api, channel, args[0], { onUnexpectedError: options.onUnexpectedError });
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpcRoutes(options: RouterOptions): () => void {
  const registered: string[] = [];
  for (const channel of channelNames) {
    const full = ipcPrefix + channel;
    options.ipcMain.handle(full, (event, ...args) => handleInvoke(options, channel, event, args));
    registered.push(full);
  }
  return () => {
    for (const full of registered.splice(0)) options.ipcMain.removeHandler(full);
  };
}
