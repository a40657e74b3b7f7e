import { describe, expect, it, vi } from 'vitest';
import { createTrustedContents } from '../../../../electron/main/ipc/trusted-contents.ts';
import { createMainWindow, createMainWindowSlot } from '../../../../electron/main/shell/window.ts';
import { makeFakeWindowClass } from './fake-electron.ts';

// The window class is passed in, so a recording stand-in replaces Electron's BrowserWindow.
function setup() {
  const journal: string[] = [];
  const BrowserWindow = makeFakeWindowClass(journal);
  return { journal, BrowserWindow, created: BrowserWindow.created };
}

describe('createMainWindow', () => {
  it('creates a hidden, sandboxed window on app://, trusted before it loads, shown on ready-to-show', () => {
    const { BrowserWindow, created } = setup();
    const trusted = createTrustedContents();
    let trustedWhenLoading = false;
    BrowserWindow.loadResult = () => {
      trustedWhenLoading = created[0] !== undefined && trusted.has(created[0].webContents.id);
      return Promise.resolve();
    };
    createMainWindow({ BrowserWindow, preloadPath: '/app/build/electron/preload/index.cjs', trusted, onLoadFailed: () => undefined });

    const window = created[0];
    expect(window).toBeDefined();
    if (window === undefined) return;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences?.sandbox).toBe(true);
    expect(window.options.webPreferences?.preload).toBe('/app/build/electron/preload/index.cjs');
    expect(window.loaded).toEqual(['app://desk/']);
    expect(trustedWhenLoading).toBe(true);
    expect(window.shown).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
  });

  it('reports a failed load', async () => {
    const { BrowserWindow } = setup();
    const onLoadFailed = vi.fn();
    BrowserWindow.loadResult = () => Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    createMainWindow({ BrowserWindow, preloadPath: '/p/index.cjs', trusted: createTrustedContents(), onLoadFailed });
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledOnce());
  });
});

describe('createMainWindowSlot', () => {
  it('opens one window, forgets it when it closes, and opens a new one on demand', () => {
    const { BrowserWindow, created } = setup();
    const trusted = createTrustedContents();
    const slot = createMainWindowSlot({ BrowserWindow, preloadPath: '/p/index.cjs', trusted, onLoadFailed: () => undefined });
    expect(slot.current()).toBeNull();
    slot.ensureOpen();
    slot.ensureOpen();
    expect(created).toHaveLength(1);
    expect(slot.current()).toBe(created[0]);

    created[0]?.close();
    expect(slot.current()).toBeNull();
    expect(trusted.list()).toEqual([]);
    slot.ensureOpen();
    expect(created).toHaveLength(2);
    expect(slot.current()).toBe(created[1]);
  });
});
