/**
 * Every permission request and check is denied: DF Desk needs no camera, microphone, notifications,
 * geolocation, clipboard-read, HID, serial or anything else a web page can ask Chromium for.
 */

export function decidePermissionRequest(_permission: string, _requestingUrl?: string): false {
  return false;
}

export function decidePermissionCheck(_permission: string, _requestingOrigin?: string): false {
  return false;
}

export function decideDevicePermission(_deviceType: string): false {
  return false;
}

/** A log line for a denied request: the permission and the origin only, never a full URL (it may carry a query). */
export function describeDeniedPermission(permission: string, requestingUrl: string | undefined): string {
  let origin = 'unknown origin';
  if (requestingUrl !== undefined) {
    try {
      const url = new URL(requestingUrl);
      // Not URL.origin: Node reports 'null' for non-special schemes such as app://.
      origin = `${url.protocol}//${url.host}`;
    } catch {
      origin = 'unparseable origin';
    }
  }
  return `Denied permission "${permission.slice(0, 64)}" for ${origin}.`;
}
