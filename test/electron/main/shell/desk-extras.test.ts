// The ready app's extras through the real shell wiring (fake electron, real desk): the menu's actions, the
// window's saved place and crash recovery, the session checks on wake, and uncaught errors.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { ipcPrefix } from '../../../../shared/ipc/contract.ts';
import { windowStateFileName } from '../../../../electron/main/shell/window-state-store.ts';
import { waitFor } from '../../../fixtures/waiting.ts';
import { FakeUpdater } from '../services/updates/fake-updater.ts';
import { cleanUpShells, launchShell } from './shell-harness.ts';

afterEach(cleanUpShells);

function menuItem(items: MenuItemConstructorOptions[] | null, label: string): MenuItemConstructorOptions {
  for (const item of items ?? []) {
    if (item.label === label) return item;
    const sub = Array.isArray(item.submenu) ? menuItemOrNull(item.submenu, label) : null;
    if (sub !== null) return sub;
  }
  throw new Error(`No menu item ${label}`);
}
function menuItemOrNull(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | null {
  try {
    return menuItem(items, label);
  } catch {
    return null;
  }
}
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('the application menu', () => {
  it('New Instance… asks the page for the add form; Open Logs Folder opens the desk log’s folder', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    const menu = shell.fake.menus.application;
    click(menuItem(menu, 'New Instance…'));
    const window = shell.fake.windows[0];
    expect(window?.webContents.sent.at(-1)).toEqual({ channel: `${ipcPrefix}menu.command`, args: [{ command: 'new-instance' }] });
    click(menuItem(menu, 'Open Logs Folder'));
    expect(shell.fake.openedPaths).toEqual([join(shell.dataDir, 'logs')]);
    expect(existsSync(join(shell.dataDir, 'logs', 'desk.log'))).toBe(true);
  });

  it('Check for Updates… answers with a message even in a development build; About shows the panel', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    click(menuItem(shell.fake.menus.application, 'Check for Updates…'));
    await waitFor(() => shell.fake.messageBoxes.length > 0, 'the update message');
    expect(shell.fake.messageBoxes).toEqual([{ message: 'Updates are off in this build.' }]);
    click(menuItem(shell.fake.menus.application, 'About DF Desk'));
    expect(shell.fake.journal).toContain('app.showAboutPanel');
  });

  it('a development build keeps Reload and DevTools; a packaged one has neither', async () => {
    const dev = launchShell();
    dev.fake.ready();
    await dev.outcome;
    expect(JSON.stringify(dev.fake.menus.application)).toContain('toggleDevTools');
    const packaged = launchShell({ packaged: true });
    packaged.fake.ready();
    await packaged.outcome;
    const text = JSON.stringify(packaged.fake.menus.application);
    expect(text).not.toContain('toggleDevTools');
    expect(text).not.toContain('"reload"');
    // Only a packaged app looks for updates.
    expect(dev.deskOptions[0]?.updater).toBeUndefined();
    expect(packaged.deskOptions[0]?.updater).toBeInstanceOf(FakeUpdater);
  });
});

describe('the main window', () => {
  it('opens where it was last time, maximised if it was', async () => {
    const shell = launchShell();
    mkdirSync(shell.dataDir, { recursive: true });
    const saved = { version: 1, bounds: { x: 300, y: 200, width: 1000, height: 700 }, maximized: true };
    writeFileSync(join(shell.dataDir, windowStateFileName), JSON.stringify(saved));
    shell.fake.ready();
    await shell.outcome;
    const window = shell.fake.windows[0];
    expect(window?.options).toMatchObject({ x: 300, y: 200, width: 1000, height: 700 });
    window?.emit('ready-to-show');
    expect(window?.maximized).toBe(true);
  });

  it('saves its place when it closes', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    const window = shell.fake.windows[0];
    if (window === undefined) throw new Error('no window');
    window.bounds = { x: 10, y: 50, width: 900, height: 600 };
    window.emit('close');
    const file = JSON.parse(readFileSync(join(shell.dataDir, windowStateFileName), 'utf8')) as { bounds: unknown };
    expect(file.bounds).toEqual({ x: 10, y: 50, width: 900, height: 600 });
  });

  it('a crashed page is reloaded, and the reloaded page is told why', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    const window = shell.fake.windows[0];
    window?.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await waitFor(() => window?.webContents.reloads === 1, 'the reload');
    const notices = await shell.desk()?.api.notices();
    expect(notices?.map((notice) => notice.kind)).toContain('window-reloaded');
  });

  it('text fields get Cut/Copy/Paste on right-click', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    const editFlags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canUndo: false, canRedo: false, canDelete: true, canEditRichly: false };
    shell.fake.windows[0]?.webContents.emit('context-menu', {}, { isEditable: true, selectionText: 'x', editFlags, inputFieldType: 'plainText' });
    expect(shell.fake.menus.popups[0]?.map((item) => item.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste']));
  });
});

describe('sleep, wake and errors', () => {
  it('a wake checks the sessions (logged), and stops with the desk', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    shell.fake.power.emit('resume');
    await waitFor(() => shell.logLines().some((line) => line.message === 'Checked the sessions.'), 'the wake check');
    expect(shell.fake.power.listenerCount('resume')).toBe(1);
    shell.fake.emit('will-quit', { preventDefault: () => undefined });
    await waitFor(() => shell.fake.power.listenerCount('resume') === 0, 'the power watch to stop');
  });

  it('an uncaught main-process error is logged and shown once, redacted', async () => {
    const errors = new EventEmitter();
    const shell = launchShell({ errorSource: errors });
    shell.fake.ready();
    await shell.outcome;
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    errors.emit('uncaughtException', new Error(`boom with ${jwt}`));
    errors.emit('uncaughtException', new Error('again'));
    expect(shell.fake.errorBoxes).toHaveLength(1);
    expect(shell.fake.errorBoxes[0]?.content).not.toContain(jwt);
    await waitFor(() => shell.logLines().some((line) => line.message.includes('boom')), 'the logged error');
    expect(shell.logLines().filter((line) => line.message.includes('boom'))).toHaveLength(1);
  });
});
