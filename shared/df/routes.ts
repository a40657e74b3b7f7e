// Which requests through `http` are what, judged by URL and method: the session adapter treats each kind
// differently (docs/dreamfactory-protocol.md §1, §5). Paths are judged as DF reads them (url-path.ts), so a
// variant spelling of the session path (`/user//session`, `/%75ser/session`, …) is still the session path.
import { ADMIN_SESSION_PATH, API_PREFIX, ENVIRONMENT_PATH, USER_SESSION_PATH, normalizeInstanceUrl } from './protocol.ts';
import { parseUrl } from './redirects.ts';
import { isWithinPath, reducedPath } from './url-path.ts';

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

/** The reduced path of the API base (`/api/v2`, `/df/api/v2`), and of DF's `/api/{service}` alias beside it. */
interface ApiPaths {
  apiBase: string;
  api: string;
  alias: string;
}

let lastPaths: ApiPaths | null = null;

function apiPathsOf(apiBase: string): ApiPaths {
  if (lastPaths?.apiBase === apiBase) return lastPaths;
  const api = reducedPath(parseUrl(apiBase)?.pathname ?? API_PREFIX);
  const root = api.slice(0, api.length - API_PREFIX.length);
  lastPaths = { apiBase, api, alias: `${root}/api` };
  return lastPaths;
}

const PLAIN_REST = /^[A-Za-z0-9_\-/]*(?:[?#]|$)/;

/**
 * The path of `fullUrl` below the API base, reduced (e.g. `/user/session`), or null outside it. `alias`: the
 * path was below DF's `/api/{service}` alias (latest era) instead, which routes to the same resources.
 */
function restOf(fullUrl: string, apiBase: string): { rest: string; alias: boolean } | null {
  // Fast path: a plain path right below the base needs no parsing (most requests).
  if (fullUrl.startsWith(apiBase)) {
    const tail = fullUrl.slice(apiBase.length);
    if ((tail === '' || tail[0] === '/' || tail[0] === '?' || tail[0] === '#') && PLAIN_REST.test(tail) && !/^[^?#]*\/\//.test(tail)) {
      const cut = tail.search(/[?#]/);
      return { rest: reducedPath(cut >= 0 ? tail.slice(0, cut) : tail), alias: false };
    }
  }
  const parsed = parseUrl(fullUrl);
  if (parsed === null) return null;
  const path = reducedPath(parsed.pathname);
  const { api, alias } = apiPathsOf(apiBase);
  if (isWithinPath(path, api)) return { rest: path.slice(api.length) || '/', alias: false };
  if (isWithinPath(path, alias)) return { rest: path.slice(alias.length) || '/', alias: true };
  return null;
}

/** The route of a full URL (already checked to be on the instance's origin); `method` in lower case. */
export function routeOf(fullUrl: string, apiBase: string, method: string): Route {
  const found = restOf(fullUrl, apiBase);
  if (found === null) return 'private';
  const { rest } = found;
  if (rest === USER_SESSION_PATH || rest === ADMIN_SESSION_PATH) {
    if (method === 'put') return 'session-refresh';
    if (method === 'post') return 'session-login';
    if (method === 'delete') return 'session-logout';
    return method === 'get' ? 'session-read' : 'public';
  }
  if (!found.alias && rest === ENVIRONMENT_PATH && method === 'get') return 'public';
  return 'private';
}
