/**
 * The renderer's Content Security Policy. It is sent as a header by the app:// handler and duplicated in the
 * renderer's meta tag. The renderer talks to the main process over IPC only, so it needs no network origin.
 */
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'none'"],
  ['frame-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

// Browsers ignore these in a <meta> tag and log an error for them, so the meta variant leaves them out.
const headerOnly = new Set(['frame-ancestors']);

function serialize(entries: ReadonlyArray<readonly [string, string]>): string {
  return entries.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** For the Content-Security-Policy response header. */
export const contentSecurityPolicy = serialize(directives);

/** For `<meta http-equiv="Content-Security-Policy" content="…">` in renderer/index.html. */
export const contentSecurityPolicyMeta = serialize(directives.filter(([name]) => !headerOnly.has(name)));

/** Parses a policy string into directive → sources, for tests and for checking the renderer's meta tag. */
export function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') map.set(name.toLowerCase(), sources);
  }
  return map;
}
