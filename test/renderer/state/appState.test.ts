import { describe, expect, it } from 'vitest';
import { createDeskClient } from '../../../renderer/deskClient.ts';
import { AppState } from '../../../renderer/state/appState.ts';
import { DeskState } from '../../../renderer/state/deskState.ts';
import { FakeDesk, failWith } from '../support/fakeDesk.ts';
import { nextTurn } from '../../fixtures/waiting.ts';

const info = { version: '1.2.3', packaged: true, updates: { state: 'idle' as const } };

describe('AppState', () => {
  it('loads the info and the notices, and follows update changes', async () => {
    const desk = new FakeDesk({
      'desk.info': () => info,
      'desk.notices': () => [{ kind: 'window-reloaded', message: 'Reloaded.' }],
    });
    const app = new AppState();
    const stop = app.follow(createDeskClient(desk));
    await nextTurn();
    expect(app.info.get()).toEqual(info);
    expect(app.notices.get()).toEqual([{ kind: 'window-reloaded', message: 'Reloaded.' }]);
    desk.emit('update.changed', { state: 'ready', version: '1.3.0' });
    expect(app.info.get()).toEqual({ ...info, updates: { state: 'ready', version: '1.3.0' } });
    stop();
    expect(desk.listenerCount('update.changed')).toBe(0);
  });

  it('without answers it shows nothing; an update change before the info does not invent one', async () => {
    const desk = new FakeDesk({
      'desk.info': () => {
        throw failWith('internal', 'no');
      },
    });
    const app = new AppState();
    app.follow(createDeskClient(desk));
    desk.emit('update.changed', { state: 'checking' });
    await nextTurn();
    expect(app.info.get()).toBeNull();
    expect(app.notices.get()).toEqual([]);
  });

  it('dismisses one notice by kind', () => {
    const app = new AppState();
    app.notices.set([
      { kind: 'settings-migrated', message: 'a' },
      { kind: 'window-reloaded', message: 'b' },
    ]);
    app.dismissNotice('window-reloaded');
    expect(app.notices.get()).toEqual([{ kind: 'settings-migrated', message: 'a' }]);
  });

  it('DeskState starts and stops it with the rest', async () => {
    const desk = new FakeDesk({ 'desk.info': () => info, 'instances.list': () => [], 'vault.health': () => ({ mode: 'keychain' }) });
    const state = new DeskState(createDeskClient(desk));
    state.start();
    await nextTurn();
    expect(state.app.info.get()?.version).toBe('1.2.3');
    state.stop();
    expect(desk.listenerCount('update.changed')).toBe(0);
  });
});
