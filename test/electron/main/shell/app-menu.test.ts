import type { App, MenuItemConstructorOptions } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  type AppMenuOptions,
  aboutPanelOptions,
  appMenuTemplate,
  defaultCopyright,
  documentationUrl,
} from '../../../../electron/main/shell/app-menu.ts';

type Item = MenuItemConstructorOptions;

function options(platform: NodeJS.Platform, packaged = true, withExternal = true) {
  const actions = {
    newInstance: vi.fn(),
    openLogsFolder: vi.fn(),
    checkForUpdates: vi.fn(),
    showAbout: vi.fn(),
    ...(withExternal ? { openExternal: vi.fn() } : {}),
  };
  const menuOptions: AppMenuOptions = { platform, packaged, appName: 'DF Desk', actions };
  return { menuOptions, actions };
}

/** Every item, depth first, submenus included. */
function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu as Item[]) : [])]);
}

const labels = (items: readonly Item[]) => items.map((item) => item.label);
const roles = (items: readonly Item[]) => flatten(items).flatMap((item) => (item.role === undefined ? [] : [item.role]));

function submenuOf(template: readonly Item[], label: string): Item[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`No ${label} menu`);
  return menu.submenu as Item[];
}

function click(items: readonly Item[], label: string): void {
  const item = flatten(items).find((candidate) => candidate.label === label);
  if (item?.click === undefined) throw new Error(`No clickable "${label}"`);
  (item.click as () => void)();
}

const developmentRoles = ['reload', 'forceReload', 'toggleDevTools'];

describe('appMenuTemplate', () => {
  it('on macOS starts with the App menu: About, updates, Services, Hide, Show All, Quit', () => {
    const template = appMenuTemplate(options('darwin').menuOptions);
    expect(labels(template)).toEqual(['DF Desk', 'File', 'Edit', 'View', 'Window', 'Help']);
    const app = submenuOf(template, 'DF Desk');
    expect(app.map((item) => item.role ?? item.label ?? item.type)).toEqual([
      'about',
      'Check for Updates…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    // Quit lives in the App menu only; Help has no About or updates (the App menu has them).
    expect(roles(submenuOf(template, 'File'))).toEqual(['close']);
    expect(labels(submenuOf(template, 'Help'))).toEqual(['Open Logs Folder', 'DreamFactory Documentation']);
    expect(roles(submenuOf(template, 'Window'))).toEqual(['minimize', 'zoom', 'front', 'window']);
  });

  it.each(['linux', 'win32'] as const)('on %s has no App menu; File quits, Help has updates and About', (platform) => {
    const template = appMenuTemplate(options(platform).menuOptions);
    expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(roles(submenuOf(template, 'File'))).toEqual(['close', 'quit']);
    expect(labels(submenuOf(template, 'Help'))).toEqual([
      'Open Logs Folder',
      'DreamFactory Documentation',
      undefined,
      'Check for Updates…',
      'About DF Desk',
    ]);
    // No macOS-only roles that would be dead items elsewhere.
    expect(roles(template)).not.toContain('zoom');
    expect(roles(template)).not.toContain('front');
    expect(roles(template)).not.toContain('services');
  });

  it.each(['darwin', 'linux', 'win32'] as const)('on %s edits through roles, so copy and paste work', (platform) => {
    const edit = submenuOf(appMenuTemplate(options(platform).menuOptions), 'Edit');
    expect(roles(edit)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
    // A role's click is ignored, so none is set.
    expect(edit.some((item) => item.click !== undefined)).toBe(false);
  });

  it.each(['darwin', 'linux', 'win32'] as const)('packaged on %s: no reload or developer tools anywhere', (platform) => {
    const all = roles(appMenuTemplate(options(platform, true).menuOptions));
    for (const role of developmentRoles) expect(all).not.toContain(role);
    expect(all).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('in development the View menu has reload and developer tools', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const view = submenuOf(appMenuTemplate(options(platform, false).menuOptions), 'View');
      expect(roles(view)).toEqual([...developmentRoles, 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    }
  });

  it('lists the keyboard shortcuts', () => {
    const items = flatten(appMenuTemplate(options('linux', false).menuOptions));
    const accelerator = (key: string) => items.find((item) => item.label === key || item.role === key)?.accelerator;
    expect(accelerator('New Instance…')).toBe('CmdOrCtrl+N');
    expect(accelerator('close')).toBe('CmdOrCtrl+W');
    expect(accelerator('quit')).toBe('Ctrl+Q');
    expect(accelerator('copy')).toBe('CmdOrCtrl+C');
    expect(accelerator('paste')).toBe('CmdOrCtrl+V');
    expect(accelerator('undo')).toBe('CmdOrCtrl+Z');
    expect(accelerator('toggleDevTools')).toBe('Ctrl+Shift+I');
    expect(accelerator('togglefullscreen')).toBe('F11');
    const mac = flatten(appMenuTemplate(options('darwin', false).menuOptions));
    expect(mac.find((item) => item.role === 'toggleDevTools')?.accelerator).toBe('Alt+Cmd+I');
    expect(mac.find((item) => item.role === 'togglefullscreen')?.accelerator).toBe('Ctrl+Cmd+F');
    // Windows: redo is Ctrl+Y and Exit is Alt+F4 (the system's, not the menu's).
    const win = flatten(appMenuTemplate(options('win32').menuOptions));
    expect(win.find((item) => item.role === 'redo')?.accelerator).toBe('Ctrl+Y');
    expect(win.find((item) => item.role === 'quit')).toEqual({ role: 'quit', label: 'Exit' });
  });

  it('calls the actions on click', () => {
    const { menuOptions, actions } = options('linux');
    const template = appMenuTemplate(menuOptions);
    click(template, 'New Instance…');
    click(template, 'Open Logs Folder');
    click(template, 'Check for Updates…');
    click(template, 'About DF Desk');
    click(template, 'DreamFactory Documentation');
    expect(actions.newInstance).toHaveBeenCalledOnce();
    expect(actions.openLogsFolder).toHaveBeenCalledOnce();
    expect(actions.checkForUpdates).toHaveBeenCalledOnce();
    expect(actions.showAbout).toHaveBeenCalledOnce();
    expect(actions.openExternal).toHaveBeenCalledWith(documentationUrl);

    const mac = options('darwin');
    click(appMenuTemplate(mac.menuOptions), 'Check for Updates…');
    expect(mac.actions.checkForUpdates).toHaveBeenCalledOnce();
  });

  it('has no documentation item without openExternal', () => {
    const template = appMenuTemplate(options('linux', true, false).menuOptions);
    expect(labels(submenuOf(template, 'Help'))).not.toContain('DreamFactory Documentation');
  });
});

describe('aboutPanelOptions', () => {
  it('names the app, its version and the runtime versions', () => {
    const about = aboutPanelOptions({
      appName: 'DF Desk',
      version: '0.1.0',
      electronVersion: '45.3.4',
      chromeVersion: '142.0.1',
      nodeVersion: '22.20.0',
      iconPath: '/app/icon.png',
    });
    expect(about).toEqual({
      applicationName: 'DF Desk',
      applicationVersion: '0.1.0',
      copyright: defaultCopyright,
      version: 'Electron 45.3.4',
      credits: 'Electron 45.3.4\nChromium 142.0.1\nNode.js 22.20.0',
      iconPath: '/app/icon.png',
    });
  });

  it('leaves out what it was not given', () => {
    expect(aboutPanelOptions({ appName: 'DF Desk', version: '1.2.3', copyright: 'C' })).toEqual({
      applicationName: 'DF Desk',
      applicationVersion: '1.2.3',
      copyright: 'C',
    });
  });

  it('fits app.setAboutPanelOptions (checked by tsc)', () => {
    expectTypeOf(aboutPanelOptions).returns.toExtend<Parameters<App['setAboutPanelOptions']>[0]>();
  });
});
