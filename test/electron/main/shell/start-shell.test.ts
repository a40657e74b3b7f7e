import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelNames, ipcPrefix } from '../../../../shared/ipc/contract.ts';
import { contentSecurityPolicy } from '../../../../electron/main/shell/csp.ts';
import { frame, invokeEvent } from '../ipc/fake-sender.ts';
import { FakeWebContents } from './fake-electron.ts';
import { cleanUpShells, launchShell, quit, TestSettingsStore } from './shell-harness.ts';

const demoDirs: string[] = [];
const demoDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'df-demo-'));
  demoDirs.push(dir);
  return dir;
};

afterEach(async () => {
  await cleanUpShells();
  for (const dir of demoDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const fromApp = (webContentsId: number) => invokeEvent(webContentsId, frame('app://desk/'));

describe('startShell before ready', () => {
  it('sets the profile, scheme and sandbox, then takes the lock, then guards webContents; nothing opens', async () => {
    const demo = demoDir();
    const shell = launchShell({ env: { DF_DESK_DATA_DIR: demo } });
    await Promise.resolve();
    expect(shell.fake.journal).toEqual([
      'app.setPath userData',
      'app.setAppLogsPath',
      'protocol.registerSchemesAsPrivileged app',
      'app.enableSandbox',
      'app.requestSingleInstanceLock',
      'app.on second-instance',
      'app.on web-contents-created',
      'app.on certificate-error',
      'app.whenReady',
    ]);
    expect(shell.fake.windows).toHaveLength(0);
  });

  it('keeps the real profile without DF_DESK_DATA_DIR (or with an empty one)', async () => {
    for (const env of [{}, { DF_DESK_DATA_DIR: '' }]) {
      const shell = launchShell({ env });
      expect(shell.fake.journal).not.toContain('app.setPath userData');
      shell.fake.ready();
      expect(await shell.outcome).toBe('running');
      expect(shell.deskOptions[0]?.dataDir).toBe(shell.dataDir);
    }
  });

  it('the demo profile is where the desk keeps its data', async () => {
    const demo = demoDir();
    const shell = launchShell({ env: { DF_DESK_DATA_DIR: demo } });
    shell.fake.ready();
    expect(await shell.outcome).toBe('running');
    expect(shell.deskOptions[0]?.dataDir).toBe(demo);
    expect(existsSync(join(demo, 'logs'))).toBe(true);
  });

  it('a second instance quits at once: no handlers, no ready, no desk', async () => {
    const shell = launchShell({ gotLock: false });
    expect(await shell.outcome).toBe('second-instance');
    expect(shell.fake.journal).toEqual([
      'protocol.registerSchemesAsPrivileged app',
      'app.enableSandbox',
      'app.requestSingleInstanceLock',
      'app.quit',
    ]);
  });
});

describe('startShell on ready', () => {
  it('hardens the session, serves app://, opens the desk, quit guard, IPC, then the window', async () => {
    const shell = launchShell();
    shell.fake.ready();
    expect(await shell.outcome).toBe('running');
    const journal = shell.fake.journal;
    expect(journal.slice(journal.indexOf('app.whenReady') + 1)).toEqual([
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'session.setDevicePermissionHandler',
      'session.webRequest.onBeforeRequest',
      'protocol.handle app',
      'app.getPath logs',
      'app.getPath userData',
      'createDesk',
      'app.on will-quit',
      ...channelNames.map((channel) => `ipcMain.handle ${ipcPrefix}${channel}`),
      'app.setAboutPanelOptions',
      'Menu.setApplicationMenu',
      'app.getPath userData',
      'new BrowserWindow',
      'window.loadURL app://desk/',
      'app.on activate',
      'app.on window-all-closed',
    ]);
  });

  it('gives createDesk the data dir and the settings class, and no logger (the desk opens its file log)', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    expect(shell.deskOptions).toHaveLength(1);
    const [options] = shell.deskOptions;
    expect(options).toMatchObject({
      dataDir: shell.dataDir,
      logDir: join(shell.dataDir, 'logs'),
      settingsStore: TestSettingsStore,
      appInfo: { version: '0.1.0', packaged: false },
    });
    expect(options?.logger).toBeUndefined();
    // A development build never loads electron-updater; DF requests follow the system's CAs and proxies.
    expect(options?.updater).toBeUndefined();
    expect(options?.network).toMatchObject({ resolveProxy: expect.any(Function) });
  });

  it('serves the built renderer on app:// with the CSP header', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    const handler = shell.fake.appHandlers[0];
    if (handler === undefined) throw new Error('no app:// handler');
    const response = await handler(new Request('app://desk/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('<title>DF Desk</title>');
    expect((await handler(new Request('app://desk/../secret'))).status).toBeGreaterThanOrEqual(400);
  });

  it('answers IPC from its own window and pushes desk events to it; refuses other senders', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    const window = shell.fake.windows[0];
    const list = shell.fake.handlers.get(`${ipcPrefix}instances.list`);
    const add = shell.fake.handlers.get(`${ipcPrefix}instances.add`);
    if (window === undefined || list === undefined || add === undefined) throw new Error('not wired');
    const id = window.webContents.id;

    expect(await list(fromApp(id), {})).toEqual({ ok: true, value: [] });
    expect(await add(fromApp(id), { name: 'A', url: 'https://a.example.com' })).toMatchObject({ ok: true });
    expect(window.webContents.sent.map((s) => s.channel)).toContain(`${ipcPrefix}instances.changed`);
    expect(await list(fromApp(id + 1000), {})).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });

  it('hardens every webContents Electron creates', async () => {
    const shell = launchShell();
    const contents = new FakeWebContents();
    shell.fake.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.windowOpenHandler?.({ url: 'https://docs.dreamfactory.com/x' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(shell.fake.opened).toEqual(['https://docs.dreamfactory.com/x']);
  });

  it('focuses the open window when a second instance starts', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    shell.fake.emit('second-instance');
    expect(shell.fake.windows[0]?.focused).toBe(1);
  });
});

describe('startShell windows and quitting', () => {
  for (const platform of ['linux', 'win32'] as const) {
    it(`quits when the last window closes on ${platform}`, async () => {
      const shell = launchShell({ platform });
      shell.fake.ready();
      await shell.outcome;
      shell.fake.emit('window-all-closed');
      expect(shell.fake.journal.at(-1)).toBe('app.quit');
    });
  }

  it('stays running on darwin without windows, and activate opens a new one', async () => {
    const shell = launchShell({ platform: 'darwin' });
    shell.fake.ready();
    await shell.outcome;
    shell.fake.windows[0]?.close();
    shell.fake.emit('window-all-closed');
    expect(shell.fake.journal).not.toContain('app.quit');
    shell.fake.emit('activate');
    shell.fake.emit('activate');
    expect(shell.fake.windows).toHaveLength(2);
  });

  it('holds the first will-quit until IPC is removed and the desk disposed, then quits', async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    const { prevented } = await quit(shell);
    expect(prevented).toBe(1);
    expect(shell.fake.handlers.size).toBe(0);
    const journal = shell.fake.journal;
    const lastRemoved = journal.findLastIndex((entry) => entry.startsWith('ipcMain.removeHandler'));
    expect(lastRemoved).toBeGreaterThan(-1);
    expect(journal.indexOf('desk.dispose')).toBeGreaterThan(lastRemoved);
    expect(journal.lastIndexOf('app.quit')).toBeGreaterThan(journal.indexOf('desk.dispose'));

    // Electron emits will-quit again for the real quit; now it passes.
    let again = 0;
    shell.fake.emit('will-quit', { preventDefault: () => again++ });
    expect(again).toBe(0);
  });
});
