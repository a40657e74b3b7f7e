import { describe, expect, it, vi } from 'vitest';
import {
  createBridge,
  isDeskEventName,
  isDeskResult,
  type RawInvoke,
  type RawSubscribe,
  transportFailedMessage,
} from '../../../shared/ipc/bridge.ts';
import type { ChannelName, DeskBridge, Instance } from '../../../shared/ipc/contract.ts';
import { dispatch, internalErrorMessage, unknownChannelMessage } from '../../../shared/ipc/dispatch.ts';
import { createRecordingApi, sampleInstance, sampleStatus } from './recording-api.ts';

function noSubscribe(): RawSubscribe {
  return () => () => undefined;
}

describe('createBridge: invoke', () => {
  it('round-trips through dispatch like the real transport does', async () => {
    const rec = createRecordingApi();
    const bridge = createBridge((channel, payload) => dispatch(rec.api, channel, payload), noSubscribe());
    expect(await bridge.invoke('instances.list', {})).toEqual({ ok: true, value: [sampleInstance] });
    expect(await bridge.invoke('session.status', { id: 'inst-1' })).toEqual({ ok: true, value: sampleStatus });
  });

  it('refuses an unknown channel without touching the transport', async () => {
    const invoke = vi.fn<RawInvoke>();
    const bridge = createBridge(invoke, noSubscribe());
    // A renderer script is untyped at runtime; simulate it.
    const untyped = bridge.invoke as (channel: string, payload: unknown) => Promise<unknown>;
    for (const channel of ['nope', '__proto__', 'desk:instances.list']) {
      expect(await untyped(channel, {})).toEqual({ ok: false, error: { kind: 'refused', message: unknownChannelMessage } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns a transport rejection into an internal error without its text', async () => {
    const bridge = createBridge(
      () => Promise.reject(new Error("Error invoking remote method 'desk:x': No handler registered")),
      noSubscribe(),
    );
    const result = await bridge.invoke('vault.health', {});
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: transportFailedMessage } });
  });

  it('rejects answers that are not DeskResults', async () => {
    for (const answer of [undefined, 'ok', { ok: 'yes' }, { ok: false, error: { kind: 'weird', message: 'x' } }]) {
      const bridge = createBridge(() => Promise.resolve(answer), noSubscribe());
      expect(await bridge.invoke('vault.health', {})).toEqual({
        ok: false,
        error: { kind: 'internal', message: internalErrorMessage },
      });
    }
  });

  it('accepts { ok: true } without value (void results lose undefined over JSON transports)', async () => {
    const bridge = createBridge(() => Promise.resolve({ ok: true }), noSubscribe());
    expect(await bridge.invoke('instances.remove', { id: 'inst-1' })).toEqual({ ok: true });
  });

  it('passes the channel name and payload through unchanged', async () => {
    const invoke = vi.fn<RawInvoke>(() => Promise.resolve({ ok: true, value: null }));
    const bridge = createBridge(invoke, noSubscribe());
    await bridge.invoke('session.signOut', { id: 'inst-1' });
    expect(invoke).toHaveBeenCalledWith('session.signOut' satisfies ChannelName, { id: 'inst-1' });
  });
});

describe('createBridge: on', () => {
  function channelSubscribe() {
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const subscribe: RawSubscribe = (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    };
    const emit = (event: string, payload: unknown) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    };
    return { subscribe, emit, count: (event: string) => listeners.get(event)?.size ?? 0 };
  }

  it('hands listeners the payload only and unsubscribes', () => {
    const hub = channelSubscribe();
    const bridge = createBridge(() => Promise.resolve(undefined), hub.subscribe);
    const seen: unknown[][] = [];
    const off = bridge.on('instances.changed', (...args: unknown[]) => seen.push(args));
    hub.emit('instances.changed', [sampleInstance]);
    expect(seen).toEqual([[[sampleInstance]]]);
    off();
    hub.emit('instances.changed', [] as Instance[]);
    expect(seen).toHaveLength(1);
    expect(hub.count('instances.changed')).toBe(0);
  });

  it('unsubscribe is idempotent', () => {
    const unsubscribe = vi.fn();
    const bridge = createBridge(() => Promise.resolve(undefined), () => unsubscribe);
    const off = bridge.on('session.changed', () => undefined);
    off();
    off();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('throws for unknown events and non-function listeners', () => {
    const bridge = createBridge(() => Promise.resolve(undefined), noSubscribe());
    const untypedOn = bridge.on as (event: string, listener: unknown) => () => void;
    expect(() => untypedOn('desk:session.changed', () => undefined)).toThrow(TypeError);
    expect(() => untypedOn('__proto__', () => undefined)).toThrow(TypeError);
    expect(() => untypedOn('session.changed', 'not a function')).toThrow(TypeError);
  });
});

describe('createBridge: surface', () => {
  it('is frozen and exposes only invoke and on', () => {
    const bridge: DeskBridge = createBridge(() => Promise.resolve(undefined), noSubscribe());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });
});

describe('guards', () => {
  it('isDeskEventName', () => {
    expect(isDeskEventName('session.changed')).toBe(true);
    expect(isDeskEventName('instances.changed')).toBe(true);
    expect(isDeskEventName('session')).toBe(false);
  });
  it('isDeskResult', () => {
    expect(isDeskResult({ ok: true, value: 1 })).toBe(true);
    expect(isDeskResult({ ok: false, error: { kind: 'network', message: 'm' } })).toBe(true);
    expect(isDeskResult({ ok: false, error: { kind: 'network' } })).toBe(false);
    expect(isDeskResult(null)).toBe(false);
  });
});
