// DF wire facts shared by the client and the typed API: header names and paths (docs/dreamfactory-protocol.md
// §1, §2). The answer shapes are read in wire.ts.

export const API_KEY_HEADER = 'X-DreamFactory-API-Key';
export const SESSION_TOKEN_HEADER = 'X-DreamFactory-Session-Token';
export const API_PREFIX = '/api/v2';
export const ENVIRONMENT_PATH = '/system/environment';

export type DfAudience = 'user' | 'admin';

export const USER_SESSION_PATH = '/user/session';
export const ADMIN_SESSION_PATH = '/system/admin/session';

export function sessionPath(audience: DfAudience): string {
  return audience === 'admin' ? ADMIN_SESSION_PATH : USER_SESSION_PATH;
}

/** DF's default DF_JWT_REFRESH_TTL (20160 minutes = 14 days); the client cannot read the server's value. */
export const DEFAULT_REFRESH_WINDOW_SECONDS = 20160 * 60;

/**
 * Reduces what a user typed to the instance root: no trailing slashes, no trailing /api/v2, no query or
 * fragment. Throws a TypeError for anything that is not an absolute http(s) URL.
 */
export function normalizeInstanceUrl(input: string): string {
  let url = input.trim().replace(/[?#].*$/, '');
  if (!/^https?:\/\/[^/?#]+/i.test(url)) {
    throw new TypeError('The DreamFactory URL must start with http:// or https://.');
  }
  url = url.replace(/\/+$/, '');
  url = url.replace(/\/api\/v2$/i, '');
  return url.replace(/\/+$/, '');
}
