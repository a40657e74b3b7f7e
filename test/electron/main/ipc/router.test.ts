import { describe, expect, it, vi } from 'vitest';
import { channelNames, ipcPrefix } from '../../../../shared/ipc/contract.ts';
import { unknownChannelMessage } from '../../../../shared/ipc/dispatch.ts';
import { handleInvoke, type IpcMainLike, refusedSenderMessage, registerIpcRoutes } from '../../../../electron/main/ipc/router.ts';
import type { InvokeEventLike } from '../../../../electron/main/ipc/sender-policy.ts';
import { createRecordingApi, sampleInstance } from '../../../shared/ipc/recording-api.ts';
import { frame, invokeEvent } from './fake-sender.ts';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** ipcMain stand-in: keeps handlers by channel and lets the test invoke them like Electron does. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  const invoke = async (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  };
  return { ipcMain, handlers, invoke };
}

const ours = () => invokeEvent(1, frame('app://desk/'));
const trust = { isKnownWebContents: (id: number) => id === 1 };

describe('registerIpcRoutes', () => {
  it('registers exactly one prefixed handler per contract channel, and removes them', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpcRoutes({ ipcMain, api: createRecordingApi().api, trust, warn: () => undefined });
    expect([...handlers.keys()].sort()).toEqual(channelNames.map((c) => ipcPrefix + c).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('routes a call from our window to the api', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const rec = createRecordingApi();
    registerIpcRoutes({ ipcMain, api: rec.api, trust, warn: () => undefined });
    expect(await invoke('desk:instances.list', ours(), {})).toEqual({ ok: true, value: [sampleInstance] });
    expect(await invoke('desk:session.status', ours(), { id: 'inst-1' })).toMatchObject({ ok: true });
    expect(rec.calls.map((c) => c.method)).toEqual(['instances.list', 'session.status']);
  });

  it('refuses a foreign sender before the handler and before payload parsing, and logs it', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const rec = createRecordingApi();
    const warn = vi.fn();
    registerIpcRoutes({ ipcMain, api: rec.api, trust, warn });
    const senders = [
      invokeEvent(99, frame('app://desk/')),
      invokeEvent(1, frame('app://desk/'), frame('app://desk/sub', frame('app://desk/'), 7, 5)),
      invokeEvent(1, frame('https://evil.example/')),
      invokeEvent(1, frame('app://desk/'), null),
    ];
    for (const event of senders) {
      expect(await invoke('desk:instances.remove', event, { id: 'inst-1' })).toEqual({
        ok: false,
        error: { kind: 'refused', message: refusedSenderMessage },
      });
    }
    expect(rec.calls).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(senders.length);
    expect(warn.mock.calls[0]?.[0]).toBe('Refused IPC call instances.remove: unknown webContents.');
  });

  it('refuses an invalid payload before the handler', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const rec = createRecordingApi();
    registerIpcRoutes({ ipcMain, api: rec.api, trust, warn: () => undefined });
    const result = await invoke('desk:instances.remove', ours(), { id: '../../etc' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(rec.calls).toEqual([]);
  });

  it('requires exactly one payload argument', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const rec = createRecordingApi();
    registerIpcRoutes({ ipcMain, api: rec.api, trust, warn: () => undefined });
    expect(await invoke('desk:instances.list', ours())).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await invoke('desk:instances.list', ours(), {}, {})).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(rec.calls).toEqual([]);
  });

  it('passes unexpected handler errors to onUnexpectedError', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const rec = createRecordingApi();
    const onUnexpectedError = vi.fn();
    rec.failWith = { error: new Error('bug') };
    registerIpcRoutes({ ipcMain, api: rec.api, trust, warn: () => undefined, onUnexpectedError });
    expect(await invoke('desk:vault.health', ours(), {})).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(onUnexpectedError).toHaveBeenCalledWith(rec.failWith.error, 'vault.health');
  });
});

describe('handleInvoke', () => {
  it('still refuses an unknown channel name that reached it', async () => {
    const rec = createRecordingApi();
    const untyped = handleInvoke as (o: unknown, c: string, e: InvokeEventLike, a: unknown[]) => Promise<unknown>;
    expect(await untyped({ api: rec.api, trust, warn: () => undefined }, 'nope', ours(), [{}])).toEqual({
      ok: false,
      error: { kind: 'refused', message: unknownChannelMessage },
    });
  });
});
