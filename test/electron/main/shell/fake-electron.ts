/**
 * A fake `electron` module for the shell's wiring tests: plain objects that record every call, in order, in
 * one journal, and let the test emit app events and resolve `ready`. Typed as ElectronLike, so it stays in
 * step with what the shell may use.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { InvokeEventLike } from '../../../../electron/main/ipc/sender-policy.ts';
import type { ElectronLike, ShellWindow } from '../../../../electron/main/shell/electron-like.ts';
import type { HardenableSession } from '../../../../electron/main/shell/hardening.ts';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  destroyed = false;
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  isDestroyed = () => this.destroyed;
  send = (channel: string, ...args: unknown[]) => {
    this.sent.push({ channel, args });
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
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
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

function fakeSession(journal: string[]): HardenableSession {
  const record = (name: string) => () => {
    journal.push(`session.${name}`);
  };
  return {
    setPermissionRequestHandler: record('setPermissionRequestHandler'),
    setPermissionCheckHandler: record('setPermissionCheckHandler'),
    setDevicePermissionHandler: record('setDevicePermissionHandler'),
    webRequest: { onBeforeRequest: record('webRequest.onBeforeRequest') },
  };
}

export interface FakeElectronOptions {
  gotLock?: boolean;
  userData?: string;
}

/** The app: records calls, keeps listeners per event, and resolves `whenReady` when the test says so. */
function fakeApp(journal: string[], options: FakeElectronOptions) {
  const listeners = new Map<string, Listener[]>();
  const paths = new Map<string, string>([['userData', options.userData ?? '/fake/user-data']]);
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

export function createFakeElectron(options: FakeElectronOptions = {}) {
  const journal: string[] = [];
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const appHandlers: Array<(request: Request) => Response | Promise<Response>> = [];
  const errorBoxes: Array<{ title: string; content: string }> = [];
  const opened: string[] = [];
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
    dialog: { showErrorBox: (title, content) => void errorBoxes.push({ title, content }) },
    shell: {
      openExternal: async (url) => {
        opened.push(url);
      },
    },
    BrowserWindow,
  };

  return {
    electron,
    journal,
    handlers,
    appHandlers,
    errorBoxes,
    opened,
    windows: BrowserWindow.created,
    setLoadResult: (result: () => Promise<void>) => {
      BrowserWindow.loadResult = result;
    },
    ready,
    emit,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
