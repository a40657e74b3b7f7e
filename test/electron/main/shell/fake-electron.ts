/**
 * A fake `electron` module for the shell's wiring tests: plain objects that record every call, in order, in
 * one journal, and let the test emit app events and resolve `ready`. Typed as ElectronLike, so it stays in
 * step with what the shell may use.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { InvokeEventLike } from '../../../../electron/main/ipc/sender-policy.ts';
import type { MenuItemConstructorOptions } from 'electron';
import type { ElectronLike, ProxyResolvingSession, ShellWindow } from '../../../../electron/main/shell/electron-like.ts';
import type { HardenableSession } from '../../../../electron/main/shell/hardening.ts';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  destroyed = false;
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  isDestroyed = () => this.destroyed;
  reloads = 0;
  send = (channel: string, ...args: unknown[]) => {
    this.sent.push({ channel, args });
  };
  reload = () => {
    this.reloads++;
  };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.windowOpenHandler = handler;
  }
}

export function makeFakeWindowClass(journal: string[]) {
  return class FakeWindow extends EventEmitter implements ShellWindow {
    static readonly created: FakeWindow[] = [];
    static loadResult: () => Promise<void> = () => Promise.resolve();
    readonly webContents = new FakeWebContents();
    shown = 0;
    focused = 0;
    destroyed = false;
    loaded: string[] = [];
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      journal.push('new BrowserWindow');
      FakeWindow.created.push(this);
    }
    bounds = { x: 40, y: 30, width: 1280, height: 820 };
    maximized = false;
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    isFullScreen = () => false;
    isMaximized = () => this.maximized;
    getNormalBounds = () => ({ ...this.bounds });
    maximize() {
      this.maximized = true;
    }
    restore() {}
    show() {
      this.shown++;
    }
    focus() {
      this.focused++;
    }
    loadURL(url: string) {
      journal.push(`window.loadURL ${url}`);
      this.loaded.push(url);
      return FakeWindow.loadResult();
    }
    /** What Electron does when the user closes it. */
    close() {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.webContents.emit('destroyed');
      this.emit('closed');
    }
  };
}

function fakeSession(journal: string[]): HardenableSession & ProxyResolvingSession {
  const record = (name: string) => () => {
    journal.push(`session.${name}`);
  };
  return {
    setPermissionRequestHandler: record('setPermissionRequestHandler'),
    setPermissionCheckHandler: record('setPermissionCheckHandler'),
    setDevicePermissionHandler: record('setDevicePermissionHandler'),
    webRequest: { onBeforeRequest: record('webRequest.onBeforeRequest') },
    resolveProxy: async () => 'DIRECT',
  };
}

export interface FakeElectronOptions {
  gotLock?: boolean;
  userData?: string;
  packaged?: boolean;
}

/** The app: records calls, keeps listeners per event, and resolves `whenReady` when the test says so. */
function fakeApp(journal: string[], options: FakeElectronOptions) {
  const listeners = new Map<string, Listener[]>();
  const userData = options.userData ?? '/fake/user-data';
  // As on Linux: the logs folder is inside userData.
  const paths = new Map<string, string>([
    ['userData', userData],
    ['logs', `${userData}/logs`],
  ]);
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const app: ElectronLike['app'] = {
    setPath: (name: string, path: string) => {
      journal.push(`app.setPath ${name}`);
      paths.set(name, path);
    },
    getPath: (name: string) => {
      journal.push(`app.getPath ${name}`);
      return paths.get(name) ?? `/fake/${name}`;
    },
    enableSandbox: () => void journal.push('app.enableSandbox'),
    requestSingleInstanceLock: () => {
      journal.push('app.requestSingleInstanceLock');
      return options.gotLock ?? true;
    },
    quit: () => void journal.push('app.quit'),
    isPackaged: options.packaged ?? false,
    setAppLogsPath: (path?: string) => {
      journal.push('app.setAppLogsPath');
      if (path !== undefined) paths.set('logs', path);
    },
    getVersion: () => '0.1.0',
    setAboutPanelOptions: () => void journal.push('app.setAboutPanelOptions'),
    showAboutPanel: () => void journal.push('app.showAboutPanel'),
    whenReady: () => {
      journal.push('app.whenReady');
      return ready;
    },
    on: (event: string, listener: Listener) => {
      journal.push(`app.on ${event}`);
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return app;
    },
  };
  /** Calls every listener for `event`, as Electron's emitter would. */
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  };
  return { app, emit, ready: () => markReady() };
}

/** One 1920×1080 display with a 40 px panel at the top. */
const fakeDisplay = { workArea: { x: 0, y: 40, width: 1920, height: 1040 } } as ReturnType<ElectronLike['screen']['getPrimaryDisplay']>;

export function createFakeElectron(options: FakeElectronOptions = {}) {
  const journal: string[] = [];
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const appHandlers: Array<(request: Request) => Response | Promise<Response>> = [];
  const errorBoxes: Array<{ title: string; content: string }> = [];
  const opened: string[] = [];
  const openedPaths: string[] = [];
  const messageBoxes: Array<{ message: string }> = [];
  const menus: { application: MenuItemConstructorOptions[] | null; popups: MenuItemConstructorOptions[][] } = { application: null, popups: [] };
  const power = new EventEmitter();
  const network = { online: true };
  const { app, emit, ready } = fakeApp(journal, options);
  const BrowserWindow = makeFakeWindowClass(journal);

  const electron: ElectronLike = {
    app,
    protocol: {
      registerSchemesAsPrivileged: (schemes) =>
        void journal.push(`protocol.registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join(',')}`),
      handle: (scheme, handler) => {
        journal.push(`protocol.handle ${scheme}`);
        appHandlers.push(handler);
      },
    },
    session: {
      get defaultSession() {
        return fakeSession(journal);
      },
    },
    ipcMain: {
      handle: (channel, listener) => {
        journal.push(`ipcMain.handle ${channel}`);
        handlers.set(channel, listener);
      },
      removeHandler: (channel) => {
        journal.push(`ipcMain.removeHandler ${channel}`);
        handlers.delete(channel);
      },
    },
    dialog: {
      showErrorBox: (title, content) => void errorBoxes.push({ title, content }),
      showMessageBox: async (...args: unknown[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as { message: string };
        messageBoxes.push({ message: options.message });
        return { response: 0, checkboxChecked: false };
      },
    },
    shell: {
      openExternal: async (url) => {
        opened.push(url);
      },
      openPath: async (path) => {
        openedPaths.push(path);
        return '';
      },
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template) => ({
        popup: () => void menus.popups.push(template),
        template,
      }),
      setApplicationMenu: (menu) => {
        journal.push('Menu.setApplicationMenu');
        menus.application = (menu as { template?: MenuItemConstructorOptions[] } | null)?.template ?? null;
      },
    },
    screen: {
      getAllDisplays: () => [fakeDisplay],
      getPrimaryDisplay: () => fakeDisplay,
    },
    powerMonitor: power,
    net: { isOnline: () => network.online },
  };

  return {
    electron,
    journal,
    handlers,
    appHandlers,
    errorBoxes,
    opened,
    openedPaths,
    messageBoxes,
    menus,
    power,
    network,
    windows: BrowserWindow.created,
    setLoadResult: (result: () => Promise<void>) => {
      BrowserWindow.loadResult = result;
    },
    ready,
    emit,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
