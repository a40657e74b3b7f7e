import { describe, expect, it } from 'vitest';
import { createDeskClient } from '../../../renderer/deskClient.ts';
import { DeskState } from '../../../renderer/state/deskState.ts';
import { FakeDesk, failWith } from '../support/fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from '../support/fixtures.ts';
import { nextTurn } from '../../fixtures/waiting.ts';

describe('DeskState', () => {
  it('loads instances, their statuses and the vault, and follows pushed events', async () => {
    const desk = new FakeDesk({
      'instances.list': () => [anInstance(), anInstance({ id: 'p1', name: 'Prod', tag: 'prod' })],
      'session.status': ({ id }) => aStatus({ instanceId: id, state: id === 'p1' ? 'signed-out' : 'active' }),
      'vault.health': () => ({ mode: 'session-only', reason: 'no keyring' }),
    });
    const state = new DeskState(createDeskClient(desk));
    state.start();
    state.start();
    await nextTurn(); // the fake desk answers without I/O: every load has finished
    expect(desk.payloads('instances.list')).toHaveLength(1);
    expect(state.instances.get()).toMatchObject({ loaded: true });
    expect(state.sessions.get().p1?.state).toBe('signed-out');
    expect(state.vault.get()?.mode).toBe('session-only');

    desk.emit('session.changed', aStatus({ instanceId: 'p1', state: 'active' }));
    expect(state.sessions.get().p1?.state).toBe('active');
    desk.emit('instances.changed', [anInstance()]);
    expect(state.instances.get().list.map((instance) => instance.id)).toEqual(['dev1']);
    expect(Object.keys(state.sessions.get())).toEqual(['dev1']);

    state.stop();
    expect(desk.listenerCount('session.changed')).toBe(0);
    expect(desk.listenerCount('instances.changed')).toBe(0);
  });

  it('keeps a failed instance load as an error', async () => {
    const desk = new FakeDesk({
      'instances.list': () => {
        throw failWith('internal', 'store unreadable');
      },
    });
    const state = new DeskState(createDeskClient(desk));
    await state.reloadInstances();
    expect(state.instances.get()).toMatchObject({ loaded: true, error: { kind: 'internal' } });
  });

  it('asks the server once per URL, and again after a failure', async () => {
    let fail = true;
    const desk = new FakeDesk({
      'instances.probe': () => {
        if (fail) throw failWith('network', 'down');
        return aProbeReport();
      },
    });
    const state = new DeskState(createDeskClient(desk));
    await expect(state.probe('https://a')).rejects.toMatchObject({ kind: 'network' });
    fail = false;
    await state.probe('https://a');
    await state.probe('https://a');
    expect(desk.payloads('instances.probe')).toHaveLength(2);
  });
});
