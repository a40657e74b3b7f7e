/**
 * Applies the navigation, window.open, webview, permission and request policies to Electron objects. Written against the
 * few members it touches (Electron's WebContents and Session satisfy these types; the entry proves it by
 * passing the real ones), so Node tests can drive it with plain fakes.
 */
import { decideNavigation } from './navigation-policy.ts';
import {
  decideDevicePermission,
  decidePermissionCheck,
  decidePermissionRequest,
  describeDeniedPermission,
} from './permission-policy.ts';
import { decideRendererRequest, describeCancelledRequest, type RequestInfo } from './request-policy.ts';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: { deviceType: string }) => boolean): void;
  readonly webRequest: {
    onBeforeRequest(
      listener: (details: RequestInfo, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
  };
}

export interface HardeningDeps {
  /** shell.openExternal; only ever called with an allowlisted https URL. */
  openExternal: (url: string) => Promise<void>;
  warn: (message: string) => void;
  allowlist?: readonly string[];
}

function openOutside(url: string | null, deps: HardeningDeps): void {
  if (url === null) return;
  deps.openExternal(url).catch(() => deps.warn('Could not open the link in the system browser.'));
}

/** For app.on('web-contents-created'): every webContents, including devtools and any future window. */
export function hardenWebContents(contents: HardenableContents, deps: HardeningDeps): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openOutside(decideNavigation(event.url, deps.allowlist).openExternally, deps);
  });
  // Sub-frame navigations too (there should be no frames: CSP frame-src 'none'). The main frame's link was
  // already handed to the browser by will-navigate, so this only cancels.
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler((details) => {
    openOutside(decideNavigation(details.url, deps.allowlist).openExternally, deps);
    return { action: 'deny' };
  });
}

export function hardenSession(session: HardenableSession, warn: (message: string) => void): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    warn(describeDeniedPermission(permission, details?.requestingUrl));
    callback(decidePermissionRequest(permission));
  });
  session.setPermissionCheckHandler((_webContents, permission) => decidePermissionCheck(permission));
  session.setDevicePermissionHandler((details) => decideDevicePermission(details.deviceType));
  session.webRequest.onBeforeRequest((details, callback) => {
    const decision = decideRendererRequest(details);
    if (decision.cancel) warn(describeCancelledRequest(details.url));
    callback(decision);
  });
}
