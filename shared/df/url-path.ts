// URL paths as a DF server may read them, for decisions about credentials (which route a request is, whether a
// redirect stays inside the API). Web servers and PHP decode percent-escapes, merge duplicate slashes, resolve
// dot segments, and DF matches service and resource names without regard to case; so `PUT /user//session`,
// `/user/./session`, `/%75ser/session` and `/USER/Session/` all reach the session route. Decisions are made
// on the path reduced the same way, erring on the side of "it is that route".

const ASCII_ESCAPE = /%([0-7][0-9a-f])/gi;
/** Paths made only of these need no reduction beyond lower case and trailing slashes. */
const PLAIN_PATH = /^[A-Za-z0-9_\-/]*$/;

function decodeAsciiEscapes(path: string): string {
  let current = path;
  // `%2575` is `%75` once decoded and `u` twice: a proxy in front of DF may decode again, so decode until stable.
  while (current.includes('%')) {
    const decoded = current.replace(ASCII_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (decoded === current) break;
    current = decoded;
  }
  return current;
}

/**
 * `pathname` (no query or fragment) reduced: ASCII percent-escapes decoded, backslashes read as slashes, empty
 * and `.` segments dropped, `..` resolved, lower case; always starts with `/` and never ends with one (but `/`).
 */
export function reducedPath(pathname: string): string {
  if (PLAIN_PATH.test(pathname) && !pathname.includes('//')) {
    const lower = pathname.toLowerCase().replace(/\/+$/, '');
    return lower.startsWith('/') ? lower : `/${lower}`;
  }
  const segments: string[] = [];
  for (const segment of decodeAsciiEscapes(pathname).toLowerCase().split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

/** `path` is `base` or below it; both already reduced. */
export function isWithinPath(path: string, base: string): boolean {
  if (base === '/') return true;
  return path === base || (path.startsWith(base) && path[base.length] === '/');
}
