// Which requests through `http` are what, judged by URL and method: the session adapter treats each kind
// differently (docs/dreamfactory-protocol.md §1, §5).
import { ADMIN_SESSION_PATH, ENVIRONMENT_PATH, USER_SESSION_PATH, normalizeInstanceUrl } from './protocol.ts';
import { parseUrl } from './redirects.ts';

/**
 * public: works without a token (never send a stale one); session-*: a session path, whose answers echo
 * tokens; private: everything else (needs the session's token).
 */
export type Route = 'public' | 'session-read' | 'session-login' | 'session-refresh' | 'session-logout' | 'private';

/** Canonical instance root (URL-parsed so comparisons with parsed URLs hold; drops any user:password@). */
export function canonicalRoot(input: string): string {
  const root = normalizeInstanceUrl(input);
  const parsed = parseUrl(root);
  if (parsed === null) throw new TypeError('The DreamFactory URL is not a valid URL.');
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** The route of a full URL (already checked to be on the instance's origin); `method` in lower case. */
export function routeOf(fullUrl: string, apiBase: string, method: string): Route {
  if (!fullUrl.startsWith(apiBase)) return 'private';
  let rest = fullUrl.slice(apiBase.length);
  const cut = rest.search(/[?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  rest = rest.replace(/\/+$/, '').toLowerCase();
  if (rest === USER_SESSION_PATH || rest === ADMIN_SESSION_PATH) {
    if (method === 'put') return 'session-refresh';
    if (method === 'post') return 'session-login';
    if (method === 'delete') return 'session-logout';
    return method === 'get' ? 'session-read' : 'public';
  }
  if (rest === ENVIRONMENT_PATH && method === 'get') return 'public';
  return 'private';
}
