import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  type HardenableContents,
  type HardenableSession,
  hardenSession,
  hardenWebContents,
} from '../../../../electron/main/shell/hardening.ts';

/** A webContents stand-in: a real EventEmitter plus the window-open handler slot. */
class FakeContents extends EventEmitter implements HardenableContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  navigate(event: string, url: string) {
    const e = { url, preventDefault: vi.fn() };
    this.emit(event, e);
    return e;
  }
}

function setup() {
  const contents = new FakeContents();
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const warn = vi.fn();
  hardenWebContents(contents, { openExternal, warn });
  return { contents, openExternal, warn };
}

describe('hardenWebContents', () => {
  it('cancels every will-navigate, including to app:// and allowlisted sites', () => {
    const { contents } = setup();
    for (const url of ['app://desk/x', 'https://evil.example/', 'https://docs.dreamfactory.com/', 'file:///etc/passwd']) {
      expect(contents.navigate('will-navigate', url).preventDefault).toHaveBeenCalledOnce();
    }
  });

  it('opens allowlisted https links in the system browser, nothing else', () => {
    const { contents, openExternal } = setup();
    contents.navigate('will-navigate', 'https://evil.example/');
    contents.navigate('will-navigate', 'http://docs.dreamfactory.com/');
    expect(openExternal).not.toHaveBeenCalled();
    contents.navigate('will-navigate', 'https://docs.dreamfactory.com/x');
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.dreamfactory.com/x');
  });

  it('cancels frame navigations and webview attachment without opening anything', () => {
    const { contents, openExternal } = setup();
    expect(contents.navigate('will-frame-navigate', 'https://docs.dreamfactory.com/').preventDefault).toHaveBeenCalledOnce();
    expect(contents.navigate('will-attach-webview', 'https://x/').preventDefault).toHaveBeenCalledOnce();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every window.open, handing allowlisted https links to the browser', () => {
    const { contents, openExternal } = setup();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://desk/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://github.com/x' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://github.com/x');
  });

  it('a failing openExternal is logged, not thrown', async () => {
    const contents = new FakeContents();
    const warn = vi.fn();
    hardenWebContents(contents, { openExternal: () => Promise.reject(new Error('no browser')), warn });
    contents.openHandler?.({ url: 'https://github.com/' });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const slots: {
      request?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
      check?: Parameters<HardenableSession['setPermissionCheckHandler']>[0];
      device?: Parameters<HardenableSession['setDevicePermissionHandler']>[0];
      request2?: Parameters<HardenableSession['webRequest']['onBeforeRequest']>[0];
    } = {};
    const session: HardenableSession = {
      setPermissionRequestHandler: (h) => {
        slots.request = h;
      },
      setPermissionCheckHandler: (h) => {
        slots.check = h;
      },
      setDevicePermissionHandler: (h) => {
        slots.device = h;
      },
      webRequest: {
        onBeforeRequest: (h) => {
          slots.request2 = h;
        },
      },
    };
    return { session, slots };
  }

  it('installs all three handlers and they deny', () => {
    const { session, slots } = fakeSession();
    const warn = vi.fn();
    hardenSession(session, warn);
    const callback = vi.fn();
    slots.request?.({}, 'media', callback, { requestingUrl: 'app://desk/' });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(warn).toHaveBeenCalledWith('Denied permission "media" for app://desk.');
    expect(slots.check?.({}, 'clipboard-read', 'app://desk')).toBe(false);
    expect(slots.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels network requests made by a page and logs them', () => {
    const { session, slots } = fakeSession();
    const warn = vi.fn();
    hardenSession(session, warn);
    const answers: unknown[] = [];
    slots.request2?.({ url: 'https://evil.example/x?token=1', webContentsId: 3 }, (r) => answers.push(r));
    slots.request2?.({ url: 'app://desk/index.html', webContentsId: 3 }, (r) => answers.push(r));
    expect(answers).toEqual([{ cancel: true }, { cancel: false }]);
    expect(warn).toHaveBeenCalledExactlyOnceWith('Cancelled a page request to https://evil.example.');
  });
});
