/**
 * The part of the `electron` module the shell uses, and nothing more. The entry passes the real module
 * (the typechecker holds it to this shape); the wiring test passes plain recording objects. Where Electron
 * declares dozens of `app.on` overloads, only the events the shell listens to are named here.
 */
import type { App, BrowserWindowConstructorOptions, Dialog, Protocol, Shell } from 'electron';
import type { TrackableContents } from '../ipc/trusted-contents.ts';
import type { IpcMainLike } from '../ipc/router.ts';
import type { HardenableContents, HardenableSession } from './hardening.ts';
import type { QuitEvent } from './lifecycle.ts';
import type { FocusableWindow } from './single-instance.ts';

/** What the shell does with a window: load app://, show it, focus it, notice when it closes. */
export interface ShellWindow extends FocusableWindow {
  readonly webContents: TrackableContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
}

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => ShellWindow;

/** The certificate-error listener's arguments the guard reads (Electron passes more). */
export type CertificateErrorListener = (
  event: unknown,
  webContents: unknown,
  url: string,
  error: string,
  certificate: { readonly fingerprint: string },
  callback: (isTrusted: boolean) => void,
) => void;

export interface ShellApp
  extends Pick<App, 'setPath' | 'getPath' | 'enableSandbox' | 'requestSingleInstanceLock' | 'quit' | 'whenReady'> {
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenableContents) => void): unknown;
  on(event: 'certificate-error', listener: CertificateErrorListener): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: QuitEvent) => void): unknown;
}

export interface ElectronLike {
  app: ShellApp;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  /** `session` is read after ready: Electron creates the default session then. */
  session: { readonly defaultSession: HardenableSession };
  ipcMain: IpcMainLike;
  dialog: Pick<Dialog, 'showErrorBox'>;
  shell: Pick<Shell, 'openExternal'>;
  BrowserWindow: WindowConstructor;
}
