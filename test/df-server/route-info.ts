// Splits /api/v2/{service}/{resource} and classifies DF's access exceptions (docs/dreamfactory-protocol.md §1).

export interface RouteInfo {
  /** Lower-cased service name; '' for the API root. */
  service: string;
  /** Lower-cased resource path (DF's "component"), e.g. '_table/contacts'. */
  component: string;
  /** Resource path segments with original case (table names, ids). */
  segments: string[];
  isRoot: boolean;
  isSessionPath: boolean;
  isAdminSessionPath: boolean;
  /** Reachable without key or token (all verbs on both session paths, GET system/environment). */
  isAccessException: boolean;
}

const API_PREFIX = '/api/v2';

export function parseRoute(pathname: string, method: string): RouteInfo | null {
  if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) return null;
  const parts = pathname
    .slice(API_PREFIX.length)
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
  const [first, ...segments] = parts;
  const service = (first ?? '').toLowerCase();
  const component = segments.join('/').toLowerCase();
  const isUserSession = service === 'user' && component === 'session';
  const isAdminSessionPath = service === 'system' && component === 'admin/session';
  const isSessionPath = isUserSession || isAdminSessionPath;
  const isEnvironment = service === 'system' && component === 'environment' && method === 'GET';
  return {
    service,
    component,
    segments,
    isRoot: service === '',
    isSessionPath,
    isAdminSessionPath,
    isAccessException: isSessionPath || isEnvironment,
  };
}
