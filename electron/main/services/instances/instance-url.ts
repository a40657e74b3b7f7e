/**
 * One spelling per instance root, so the same server is recognised however the user typed it, and the
 * session library can append `/api/v2/...` without doubling it.
 */
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { isLoopbackHost } from '../../../../shared/instances.ts';

export interface ValidatedInstanceUrl {
  /** `scheme://host[:port][/path]`: lowercase scheme and host, no trailing slash, no trailing /api/v2. */
  url: string;
  /** Plain http:// to a host that is not loopback: needs the user's explicit per-instance confirmation. */
  insecure: boolean;
}

const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i;

function invalid(message: string): DeskError {
  return new DeskError('invalid-input', message);
}

export function validateInstanceUrl(input: string): ValidatedInstanceUrl {
  const trimmed = input.trim();
  if (trimmed === '') throw invalid('Enter the instance URL.');
  // "df.example.com" means https://df.example.com: nobody types a scheme for a web address any more.
  const withScheme = hasScheme.test(trimmed) ? trimmed : `https://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw invalid('That is not a valid URL. Enter the instance address, for example https://df.example.com.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw invalid('The instance URL must start with https:// (or http:// for a local server).');
  }
  if (parsed.hostname === '') throw invalid('The instance URL needs a host name, for example https://df.example.com.');
  if (parsed.username !== '' || parsed.password !== '') {
    // It would end up in the settings file in plain text.
    throw invalid('Do not put a user name or password in the URL; sign in after adding the instance.');
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    // A query could carry ?api_key=…, which must go to the keychain, not the settings file.
    throw invalid('The instance URL cannot contain "?" or "#". Enter just the address, and the API key in its own field.');
  }
  let path = parsed.pathname.replace(/\/+$/, '');
  path = path.replace(/\/api\/v2$/i, '').replace(/\/+$/, '');
  // URL already lowercased the scheme and host and dropped a default port.
  const url = `${parsed.protocol}//${parsed.host}${path}`;
  return { url, insecure: parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname) };
}

/**
 * True when connecting would send credentials over plain http to a remote host without the user's
 * confirmation. The registry refuses to create such an instance, but a file upgraded from schema 0 can hold
 * one, so the session layer checks this before every connection.
 */
// Asked on every DF request, for a handful of stored URLs: remember the answer instead of parsing each time.
const insecureByUrl = new Map<string, boolean>();

export function lacksHttpConsent(instance: { url: string; allowInsecureHttp: boolean }): boolean {
  if (instance.allowInsecureHttp) return false;
  let insecure = insecureByUrl.get(instance.url);
  if (insecure === undefined) {
    insecure = validateInstanceUrl(instance.url).insecure;
    if (insecureByUrl.size > 256) insecureByUrl.clear();
    insecureByUrl.set(instance.url, insecure);
  }
  return insecure;
}
