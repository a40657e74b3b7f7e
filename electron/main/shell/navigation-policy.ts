/**
 * The renderer never navigates: every will-navigate is cancelled and every window.open denied. A link the
 * user clicks goes to the system browser only when it is https: and its host is on the allowlist.
 */

/** Exact host names (no wildcards: a wildcard is how look-alike subdomains get in). */
export const defaultExternalAllowlist: readonly string[] = [
  'dreamfactory.com',
  'www.dreamfactory.com',
  'docs.dreamfactory.com',
  'guide.dreamfactory.com',
  'wiki.dreamfactory.com',
  'blog.dreamfactory.com',
  'github.com',
  // The install documentation the forever-sessions doctor cites.
  'docs.bitnami.com',
  'docs.docker.com',
  'docs.redhat.com',
  'learn.microsoft.com',
];

const maxExternalUrlLength = 2048;

/** The URL to hand to the system browser, or null when the link must not leave the app. */
export function externalLinkTarget(rawUrl: string, allowlist: readonly string[] = defaultExternalAllowlist): string | null {
  if (typeof rawUrl !== 'string' || rawUrl.length > maxExternalUrlLength) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  // Credentials in a link are a phishing trick (https://docs.dreamfactory.com@evil.example/).
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  if (!allowlist.some((allowed) => allowed.toLowerCase() === host)) return null;
  // The normalised href, never the raw string: openExternal must get exactly what we checked.
  return url.href;
}

export interface NavigationDecision {
  /** Always false: the window stays on app://. */
  allowInWindow: false;
  /** Set when the link should open in the system browser instead. */
  openExternally: string | null;
}

/** For will-navigate and for window.open: the window never follows, an allowlisted https link opens outside. */
export function decideNavigation(rawUrl: string, allowlist: readonly string[] = defaultExternalAllowlist): NavigationDecision {
  return { allowInWindow: false, openExternally: externalLinkTarget(rawUrl, allowlist) };
}
