import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import { createPreloadBridge } from '../../../electron/preload/bridge.ts';
import { createRecordingApi, sampleInstance, sampleStatus } from '../../shared/ipc/recording-api.ts';
import { fakeIpcRenderer } from './fake-ipc-renderer.ts';

describe('createPreloadBridge', () => {
  it('invokes on the prefixed channel with exactly one payload argument', async () => {
    const rec = createRecordingApi();
    const { ipc, invoked } = fakeIpcRenderer((channel, payload) => dispatch(rec.api, channel.slice('desk:'.length), payload));
    const desk = createPreloadBridge(ipc);
    expect(await desk.invoke('instances.list', {})).toEqual({ ok: true, value: [sampleInstance] });
    expect(invoked).toEqual([['desk:instances.list', {}]]);
  });

  it('refuses unknown channels without calling ipcRenderer', async () => {
    const { ipc, invoked } = fakeIpcRenderer(() => Promise.resolve({ ok: true, value: 1 }));
    const desk = createPreloadBridge(ipc);
    const untyped = desk.invoke as (c: string, p: unknown) => Promise<unknown>;
    expect(await untyped('shell.openExternal', { url: 'file:///' })).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(invoked).toEqual([]);
  });

  it('gives listeners the payload only, never the IpcRendererEvent', () => {
    const { ipc } = fakeIpcRenderer(() => Promise.resolve(undefined));
    const desk = createPreloadBridge(ipc);
    const seen: unknown[][] = [];
    desk.on('session.changed', (...args: unknown[]) => seen.push(args));
    ipc.push('desk:session.changed', sampleStatus);
    expect(seen).toEqual([[sampleStatus]]);
  });

  it('unsubscribe removes the ipcRenderer listener', () => {
    const { ipc } = fakeIpcRenderer(() => Promise.resolve(undefined));
    const desk = createPreloadBridge(ipc);
    const off = desk.on('instances.changed', () => undefined);
    expect(ipc.count('desk:instances.changed')).toBe(1);
    off();
    expect(ipc.count('desk:instances.changed')).toBe(0);
  });

  it('ignores pushes on channels nobody subscribed to through the bridge', () => {
    const { ipc } = fakeIpcRenderer(() => Promise.resolve(undefined));
    const desk = createPreloadBridge(ipc);
    const seen: unknown[] = [];
    desk.on('session.changed', (s) => seen.push(s));
    ipc.push('session.changed', sampleStatus);
    ipc.push('desk:instances.changed', []);
    expect(seen).toEqual([]);
  });
});
