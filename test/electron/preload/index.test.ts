import { describe, expect, it, vi } from 'vitest';
import { fakeIpcRenderer } from './fake-ipc-renderer.ts';

// The preload entry imports 'electron'; the binary is unavailable, so the module is replaced by stand-ins.
const exposed = new Map<string, unknown>();
const fake = fakeIpcRenderer(() => Promise.resolve({ ok: true, value: 'pong' }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: fake.ipc,
}));

await import('../../../electron/preload/index.ts');

describe('preload entry', () => {
  it('exposes exactly one key, "desk", frozen, with invoke and on only', () => {
    expect([...exposed.keys()]).toEqual(['desk']);
    const desk = exposed.get('desk') as Record<string, unknown>;
    expect(Object.isFrozen(desk)).toBe(true);
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);
    expect(typeof desk.invoke).toBe('function');
    expect(typeof desk.on).toBe('function');
  });

  it('exposes no ipcRenderer, process or env through the object', () => {
    const desk = exposed.get('desk') as Record<string, unknown>;
    const text = JSON.stringify(Object.getOwnPropertyNames(desk));
    for (const forbidden of ['ipcRenderer', 'process', 'env', 'require', 'send', 'sendSync']) {
      expect(text).not.toContain(forbidden);
    }
    expect(Object.values(desk).includes(fake.ipc)).toBe(false);
  });

  it('the exposed invoke reaches ipcRenderer on the prefixed channel', async () => {
    const desk = exposed.get('desk') as { invoke: (c: string, p: unknown) => Promise<unknown> };
    expect(await desk.invoke('vault.health', {})).toEqual({ ok: true, value: 'pong' });
    expect(fake.invoked.at(-1)).toEqual(['desk:vault.health', {}]);
  });
});
