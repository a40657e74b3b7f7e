/**
 * Turns the path a renderer asked for into a path under the instance's /api/v2, or refuses it. The renderer
 * is untrusted: it must not steer the instance's credentials to another origin (absolute or
 * protocol-relative URLs, backslash tricks) or out of the API (dot segments, also percent-encoded). Dot
 * segments are refused outright rather than resolved, because servers and proxies in front of DF decode
 * `%2e` and `%2f` differently; no DF call needs them.
 *
 * Every decision (the session-route rule in request-proxy.ts) is made on ONE canonical route, and what is sent
 * is the same path: servers treat `/user//session`, `/user/%73ession`, `/USER/Session/` and `/user%2Fsession`
 * as their session route, so each must be seen as it. The route is fully decoded, with runs of `/` (and `\`,
 * which some servers read as `/`) made one, no trailing slash, lower-cased. The path sent has the same runs of
 * slashes made one and percent-escapes of unreserved characters decoded (RFC 3986 §6.2.2); it keeps its case
 * (table names can be case-sensitive), a single trailing slash (DF's file services tell a folder by it) and
 * the escapes that carry meaning (`%2F` inside a name, `%20`).
 */
import { DeskError } from '../../../../shared/ipc/desk-error.ts';

const API_PREFIX = '/api/v2';

export interface ProxyTarget {
  /** Relative to `<instance>/api/v2`: '' for the API root, else '/…' (percent-encoded, with any query). */
  path: string;
  /**
   * The canonical route for policy checks: the path without query, fully decoded, runs of slashes made one,
   * no trailing slash, lower-cased.
   */
  route: string;
}

function refuse(message: string): DeskError {
  return new DeskError('refused', message);
}

/** Decodes until stable (double encoding included); undecodable text is kept as it is. */
function fullyDecoded(text: string): string {
  let current = text;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/** `%73` → `s`: an escaped unreserved character means the character itself (RFC 3986 §6.2.2.2). */
function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (escaped, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : escaped;
  });
}

/** The policy form of a path under /api/v2 (see ProxyTarget.route). */
function canonicalRoute(path: string): string {
  return fullyDecoded(path).replace(/[/\\]+/g, '/').replace(/\/$/, '').toLowerCase();
}

interface ApiRoot {
  origin: string;
  /** The instance's path plus /api/v2, e.g. `/df/api/v2`. */
  basePath: string;
}

// Resolved on every DF request, for a handful of instance URLs: parse each once.
const roots = new Map<string, ApiRoot>();

function apiRootOf(instanceUrl: string): ApiRoot {
  let root = roots.get(instanceUrl);
  if (root === undefined) {
    const parsed = new URL(instanceUrl);
    root = { origin: parsed.origin, basePath: `${parsed.pathname.replace(/\/+$/, '')}${API_PREFIX}` };
    if (roots.size > 256) roots.clear();
    roots.set(instanceUrl, root);
  }
  return root;
}

// The data browser asks for the same few paths over and over (params travel apart): remember the verdicts.
const resolved = new Map<string, ProxyTarget>();

/** The target of `input` under the instance's API, or a DeskError 'refused'. Pure, so its answers are kept. */
export function resolveProxyPath(instanceUrl: string, input: string): ProxyTarget {
  const key = `${instanceUrl} ${input}`;
  const known = resolved.get(key);
  if (known !== undefined) return known;
  const target = Object.freeze(resolveUncached(instanceUrl, input));
  if (resolved.size > 512) resolved.clear();
  resolved.set(key, target);
  return target;
}

function resolveUncached(instanceUrl: string, input: string): ProxyTarget {
  const raw = input.trim();
  if (raw === '') throw refuse('Enter a path, for example /db/_table.');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw refuse('The path contains control characters.');
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    throw refuse('Only paths under /api/v2 of this instance can be requested, not full URLs.');
  }
  if (raw.includes('\\')) throw refuse('The path cannot contain backslashes.');
  if (raw.includes('#')) throw refuse('The path cannot contain "#". Encode it as %23 if it is part of a value.');

  const queryAt = raw.indexOf('?');
  // `/user//session` is `/user/session` to the server: one slash per run, before anything else looks at it.
  let pathPart = (queryAt < 0 ? raw : raw.slice(0, queryAt)).replace(/\/{2,}/g, '/');
  const query = queryAt < 0 ? '' : raw.slice(queryAt);
  // Users paste paths as DF's docs print them; /api/v2 is implied.
  pathPart = pathPart.replace(/^\/?api\/v2(?=\/|$)/i, '');

  const decoded = fullyDecoded(pathPart);
  if (decoded.split(/[/\\]/).some((segment) => segment === '..' || segment === '.')) {
    throw refuse('The path cannot contain "." or ".." segments.');
  }

  const root = apiRootOf(instanceUrl);
  const { basePath } = root;
  const relative = pathPart.replace(/^\/+/, '');
  let target: URL;
  try {
    target = new URL(`${root.origin}${basePath}${relative === '' ? '' : `/${relative}`}${query}`);
  } catch {
    throw refuse('That is not a valid path.');
  }
  if (target.origin !== root.origin) throw refuse('Requests can only go to this instance.');
  const inside = target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
  if (!inside) throw refuse('Only paths under /api/v2 of this instance can be requested.');

  const path = decodeUnreserved(target.pathname.slice(basePath.length));
  return { path: `${path}${target.search}`, route: canonicalRoute(path) };
}
