// createDesk's app info, updates and notices through the real DeskApi (memory vault, conf settings in a temp
// folder, a fake electron-updater): what the renderer gets on desk.info, update.check/restart and update.changed.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../electron/main/adapters/memory-vault.ts';
import type { UpdateStatus } from '../../../shared/ipc/contract.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { openDesk, removeDataDirs } from './services/fixtures/desk-harness.ts';
import { FakeUpdater, linesLogger } from './services/updates/fake-updater.ts';

afterAll(() => removeDataDirs());

const sourceVersion = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

function base() {
  return { vault: createMemoryVault({ mode: 'keychain' }), logger: linesLogger() };
}

describe('createDesk: app info and updates', () => {
  it('by default: the sources version, not packaged, updates disabled', async () => {
    const desk = await openDesk(base());
    expect(await desk.api.info()).toEqual({
      version: sourceVersion,
      packaged: false,
      updates: { state: 'disabled', message: 'Updates are off in development builds.' },
    });
    expect(await desk.api.update.check()).toEqual({ state: 'disabled', message: 'Updates are off in development builds.' });
    await expect(desk.api.update.restart()).rejects.toMatchObject({ kind: 'refused' });
  });

  it('an unpackaged build ignores the updater it was given', async () => {
    const updater = new FakeUpdater();
    const desk = await openDesk({ ...base(), appInfo: { version: '0.9.0', packaged: false }, updater });
    expect((await desk.api.info()).updates.state).toBe('disabled');
    expect(updater.listenerCount()).toBe(0);
  });

  it('packaged: checks on the menu, pushes each change, restarts only when ready, and stops on dispose', async () => {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const updater = new FakeUpdater();
    updater.onCheck = async (u) => {
      u.emit('update-available', { version: '1.0.0' });
      u.emit('update-downloaded', { version: '1.0.0' });
    };
    const desk = await openDesk({ ...base(), clock, timers, appInfo: { version: '0.9.0', packaged: true }, updater });
    const pushed: UpdateStatus[] = [];
    desk.api.onUpdateChanged((status) => pushed.push(status));
    expect(await desk.api.info()).toEqual({ version: '0.9.0', packaged: true, updates: { state: 'idle' } });
    await expect(desk.api.update.restart()).rejects.toMatchObject({ kind: 'refused', message: 'No update is ready to install yet.' });

    expect(await desk.api.update.check()).toEqual({ state: 'ready', version: '1.0.0' });
    expect(pushed.map((status) => status.state)).toEqual(['checking', 'available', 'ready']);
    await desk.api.update.restart();
    expect(updater.installs).toBe(1);

    await desk.dispose();
    expect(updater.listenerCount()).toBe(0);
  });

  it('packaged: the automatic check runs on the desk timers', async () => {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const updater = new FakeUpdater();
    updater.onCheck = async (u) => u.emit('update-not-available', { version: '0.9.0' });
    const desk = await openDesk({ ...base(), clock, timers, appInfo: { version: '0.9.0', packaged: true }, updater });
    await timers.advance(30_000);
    expect(updater.checks).toBe(1);
    expect((await desk.api.info()).updates.state).toBe('up-to-date');
  });
});

const reloaded = "DF Desk's window stopped unexpectedly (it crashed) and was reloaded. Nothing you saved was lost.";

describe('createDesk: notices the shell adds', () => {
  it('notify adds a window-reloaded notice once, whatever the number of crashes', async () => {
    const desk = await openDesk(base());
    expect(await desk.api.notices()).toEqual([]);
    desk.notify({ kind: 'window-reloaded', message: reloaded });
    desk.notify({ kind: 'window-reloaded', message: reloaded });
    expect(await desk.api.notices()).toEqual([{ kind: 'window-reloaded', message: reloaded }]);
  });
});
