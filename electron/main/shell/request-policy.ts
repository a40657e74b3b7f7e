/**
 * Defence in depth behind the CSP: a page in one of our windows talks to the main process over IPC only, so
 * any request it makes to the network (http, https, ws, file, ...) is cancelled at the session level, even if
 * a CSP bug let it through. Requests the main process makes itself carry no webContents and are left alone.
 */

const rendererSchemes = new Set(['app:', 'devtools:', 'data:', 'blob:']);

export interface RequestInfo {
  url: string;
  /** Set when a page (a webContents) made the request. */
  webContentsId?: number;
}

export function decideRendererRequest(request: RequestInfo): { cancel: boolean } {
  if (request.webContentsId === undefined) return { cancel: false };
  let scheme: string;
  try {
    scheme = new URL(request.url).protocol;
  } catch {
    return { cancel: true };
  }
  return { cancel: !rendererSchemes.has(scheme) };
}

/** A log line for a cancelled request: scheme and host only (a query could carry a token). */
export function describeCancelledRequest(url: string): string {
  try {
    const parsed = new URL(url);
    return `Cancelled a page request to ${parsed.protocol}//${parsed.host}.`;
  } catch {
    return 'Cancelled a page request to an unparseable URL.';
  }
}
