/**
 * The application menu and the About panel, as plain data the entry hands to Menu.buildFromTemplate and
 * app.setAboutPanelOptions. An explicit menu replaces Electron's default one, which ships Reload and Toggle
 * Developer Tools even in a packaged build; here those exist only in development. Editing goes through roles,
 * because on macOS copy and paste work only when the menu carries the matching role items.
 */
import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';
import { externalLinkTarget } from './navigation-policy.ts';

export interface AppMenuActions {
  /** Opens the renderer's Add instance form. */
  newInstance(): void;
  openLogsFolder(): void;
  checkForUpdates(): void;
  /** app.showAboutPanel() in the app; only non-mac menus call it (macOS uses the native `about` role). */
  showAbout(): void;
  /** shell.openExternal; leave out to have no documentation item. Only ever gets an allowlisted https URL. */
  openExternal?(url: string): void;
}

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** app.isPackaged: a packaged build has no Reload and no developer tools in its menu. */
  packaged: boolean;
  appName: string;
  actions: AppMenuActions;
}

export const documentationUrl = 'https://docs.dreamfactory.com/';

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** Alt+letter opens a menu on Windows and Linux; macOS has no mnemonics, so no `&` there. */
function topLabel(name: string, mac: boolean): string {
  return mac ? name : `&${name}`;
}

function macAppMenu(options: AppMenuOptions): MenuItemConstructorOptions {
  return {
    label: options.appName,
    submenu: [
      { role: 'about', label: `About ${options.appName}` },
      { label: 'Check for Updates…', click: () => options.actions.checkForUpdates() },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide', label: `Hide ${options.appName}` },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit', label: `Quit ${options.appName}` },
    ],
  };
}

function fileMenu(options: AppMenuOptions, mac: boolean): MenuItemConstructorOptions {
  const submenu: MenuItemConstructorOptions[] = [
    { label: 'New Instance…', accelerator: 'CmdOrCtrl+N', click: () => options.actions.newInstance() },
    separator,
    { role: 'close', label: 'Close Window', accelerator: 'CmdOrCtrl+W' },
  ];
  // macOS quits from the App menu; elsewhere File is where people look for it. Windows quits with Alt+F4.
  if (options.platform === 'win32') submenu.push({ role: 'quit', label: 'Exit' });
  else if (!mac) submenu.push({ role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' });
  return { label: topLabel('File', mac), submenu };
}

function editMenu(options: AppMenuOptions, mac: boolean): MenuItemConstructorOptions {
  return {
    label: topLabel('Edit', mac),
    submenu: [
      { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', accelerator: options.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z' },
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'pasteAndMatchStyle', accelerator: mac ? 'Alt+Shift+Cmd+V' : 'Shift+Ctrl+V' },
      { role: 'delete' },
      separator,
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };
}

function viewMenu(options: AppMenuOptions, mac: boolean): MenuItemConstructorOptions {
  const development: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [
        { role: 'reload', accelerator: 'CmdOrCtrl+R' },
        { role: 'forceReload', accelerator: 'Shift+CmdOrCtrl+R' },
        { role: 'toggleDevTools', accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' },
        separator,
      ];
  return {
    label: topLabel('View', mac),
    submenu: [
      ...development,
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };
}

function windowMenu(mac: boolean): MenuItemConstructorOptions {
  // `zoom`, `front` and `window` exist only on macOS; elsewhere they would be dead items.
  const submenu: MenuItemConstructorOptions[] = mac
    ? [{ role: 'minimize', accelerator: 'Cmd+M' }, { role: 'zoom' }, separator, { role: 'front' }, separator, { role: 'window' }]
    : [{ role: 'minimize', accelerator: 'Ctrl+M' }];
  return { label: topLabel('Window', mac), submenu };
}

function helpMenu(options: AppMenuOptions, mac: boolean): MenuItemConstructorOptions {
  const { actions, appName } = options;
  const submenu: MenuItemConstructorOptions[] = [{ label: 'Open Logs Folder', click: () => actions.openLogsFolder() }];
  const openExternal = actions.openExternal;
  const docs = externalLinkTarget(documentationUrl);
  if (openExternal !== undefined && docs !== null) {
    submenu.push({ label: 'DreamFactory Documentation', click: () => openExternal(docs) });
  }
  if (!mac) {
    submenu.push(
      separator,
      { label: 'Check for Updates…', click: () => actions.checkForUpdates() },
      { label: `About ${appName}`, click: () => actions.showAbout() },
    );
  }
  // The `help` role gives macOS its Help menu with the search field; elsewhere it is a plain submenu.
  return { label: topLabel('Help', mac), role: 'help', submenu };
}

/** The template for Menu.buildFromTemplate; set it with Menu.setApplicationMenu before the window opens. */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  return [
    ...(mac ? [macAppMenu(options)] : []),
    fileMenu(options, mac),
    editMenu(options, mac),
    viewMenu(options, mac),
    windowMenu(mac),
    helpMenu(options, mac),
  ];
}

export interface AboutInfo {
  appName: string;
  /** app.getVersion(). */
  version: string;
  /** process.versions.electron / .chrome / .node: what a bug report needs besides the app version. */
  electronVersion?: string;
  chromeVersion?: string;
  nodeVersion?: string;
  copyright?: string;
  /** A PNG for Linux and Windows (macOS uses the app icon). */
  iconPath?: string;
}

export const defaultCopyright = 'Copyright © 2026 DF Desk contributors';

/** For app.setAboutPanelOptions; app.showAboutPanel then shows it on every platform (Electron ≥ 10). */
export function aboutPanelOptions(info: AboutInfo): AboutPanelOptionsOptions {
  const runtime = [
    info.electronVersion === undefined ? null : `Electron ${info.electronVersion}`,
    info.chromeVersion === undefined ? null : `Chromium ${info.chromeVersion}`,
    info.nodeVersion === undefined ? null : `Node.js ${info.nodeVersion}`,
  ].filter((line): line is string => line !== null);
  return {
    applicationName: info.appName,
    applicationVersion: info.version,
    copyright: info.copyright ?? defaultCopyright,
    // macOS shows `version` in brackets after the app version; an empty one would show "()".
    ...(info.electronVersion === undefined ? {} : { version: `Electron ${info.electronVersion}` }),
    // Shown on macOS and Windows; the Linux panel has no credits field.
    ...(runtime.length === 0 ? {} : { credits: runtime.join('\n') }),
    ...(info.iconPath === undefined ? {} : { iconPath: info.iconPath }),
  };
}
