import { describe, expect, it, vi } from 'vitest';
import { type EventTarget, sendEvent, startEventPush } from '../../../../electron/main/ipc/event-pusher.ts';
import { createRecordingApi, sampleInstance, sampleStatus } from '../../../shared/ipc/recording-api.ts';

function target(destroyed = false) {
  const sent: unknown[][] = [];
  const t: EventTarget = { isDestroyed: () => destroyed, send: (...args) => sent.push(args) };
  return { t, sent };
}

describe('startEventPush', () => {
  it('forwards session, instance and update changes on prefixed channels, payload only', () => {
    const rec = createRecordingApi();
    const a = target();
    const b = target();
    startEventPush(rec.api, () => [a.t, b.t], () => undefined);
    rec.emitSession(sampleStatus);
    rec.emitInstances([sampleInstance]);
    rec.emitUpdate({ state: 'ready', version: '9.9.9' });
    for (const { sent } of [a, b]) {
      expect(sent).toEqual([
        ['desk:session.changed', sampleStatus],
        ['desk:instances.changed', [sampleInstance]],
        ['desk:update.changed', { state: 'ready', version: '9.9.9' }],
      ]);
    }
  });

  it('skips destroyed targets and keeps going when one send throws', () => {
    const rec = createRecordingApi();
    const dead = target(true);
    const throwing: EventTarget = {
      isDestroyed: () => false,
      send: () => {
        throw new Error('Render frame was disposed');
      },
    };
    const alive = target();
    const warn = vi.fn();
    startEventPush(rec.api, () => [dead.t, throwing, alive.t], warn);
    rec.emitSession(sampleStatus);
    expect(dead.sent).toEqual([]);
    expect(alive.sent).toHaveLength(1);
    expect(warn).toHaveBeenCalledExactlyOnceWith('Could not deliver session.changed to a window.');
  });

  it('unsubscribes from the api', () => {
    const rec = createRecordingApi();
    const stop = startEventPush(rec.api, () => [], () => undefined);
    expect(rec.listenerCount()).toBe(3);
    stop();
    expect(rec.listenerCount()).toBe(0);
  });

  it('sendEvent with no targets is a no-op', () => {
    expect(() => sendEvent([], 'instances.changed', [], () => undefined)).not.toThrow();
  });
});
