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

  it('item 6: keeps per-instance view memory until the instance is removed (here or in another window)', async () => {
    const desk = new FakeDesk({
      'instances.list': () => [anInstance(), anInstance({ id: 'p1', name: 'Prod', tag: 'prod' })],
      'session.status': ({ id }) => aStatus({ instanceId: id }),
      'vault.health': () => ({ mode: 'keychain' }),
    });
    const state = new DeskState(createDeskClient(desk));
    state.start();
    await nextTurn();
    state.views.set('dev1', 'data.source', { service: 'db', table: 'contacts' });
    state.views.set('p1', 'data.source', { service: 'db', table: 'orders' });
    state.upsertInstance(anInstance({ name: 'Renamed' }));
    expect(state.views.get('dev1', 'data.source')).toEqual({ service: 'db', table: 'contacts' });
    state.removeInstance('dev1');
    expect(state.views.get('dev1', 'data.source')).toBeUndefined();
    desk.emit('instances.changed', []);
    expect(state.views.get('p1', 'data.source')).toBeUndefined();
    state.stop();
  });

  it('counts successful sign-ins per instance, for views that wait on one', () => {
    const state = new DeskState(createDeskClient(new FakeDesk()));
    state.signedIn(aStatus());
    state.signedIn(aStatus());
    expect(state.signIns.get()).toEqual({ dev1: 2 });
    expect(state.sessions.get().dev1?.state).toBe('active');
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

  it('forgetProbe: the next caller asks the server again (the doctor saw a change)', async () => {
    const desk = new FakeDesk({ 'instances.probe': () => aProbeReport() });
    const state = new DeskState(createDeskClient(desk));
    await state.probe('https://a');
    await state.probe('https://a');
    state.forgetProbe('https://a');
    await state.probe('https://a');
    expect(desk.payloads('instances.probe')).toHaveLength(2);
  });
});
