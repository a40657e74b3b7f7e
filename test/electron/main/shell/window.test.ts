import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary is not available: this replaces the module with a BrowserWindow stand-in that
// records what the glue does with it.
const created: FakeWindow[] = [];
class FakeWindow extends EventEmitter {
  static nextId = 1;
  shown = 0;
  loaded: string[] = [];
  webContents = Object.assign(new EventEmitter(), {
    id: FakeWindow.nextId++,
    isDestroyed: () => false,
    send: () => undefined,
  });
  constructor(public options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
    super();
    created.push(this);
  }
  show() {
    this.shown++;
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow } = await import('../../../../electron/main/shell/window.ts');
const { createTrustedContents } = await import('../../../../electron/main/ipc/trusted-contents.ts');

describe('createMainWindow', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('creates a hidden, sandboxed window on app://, trusted before it loads, shown on ready-to-show', () => {
    const trusted = createTrustedContents();
    let trustedWhenLoading = false;
    const originalLoad = FakeWindow.prototype.loadURL;
    FakeWindow.prototype.loadURL = function (this: FakeWindow, url: string) {
      trustedWhenLoading = trusted.has(this.webContents.id);
      return originalLoad.call(this, url);
    };
    createMainWindow({ preloadPath: '/app/build/electron/preload/index.cjs', trusted, onLoadFailed: () => undefined });
    FakeWindow.prototype.loadURL = originalLoad;

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
    const onLoadFailed = vi.fn();
    const originalLoad = FakeWindow.prototype.loadURL;
    FakeWindow.prototype.loadURL = () => Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    createMainWindow({ preloadPath: '/p/index.cjs', trusted: createTrustedContents(), onLoadFailed });
    FakeWindow.prototype.loadURL = originalLoad;
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledOnce());
  });
});
