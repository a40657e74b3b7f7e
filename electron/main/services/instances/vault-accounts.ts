/**
 * Names of DF Desk's keychain entries (service "DF Desk"), scheme 2:
 *
 *   <instanceId>/v2/api-key                the instance's API key (X-DreamFactory-API-Key)
 *   <instanceId>/v2/token/<encoded login>  the session token of that login (email or username)
 *   .origin/<instanceId>                   where that instance's secrets may be sent (credential-binding.ts)
 *
 * Windows Credential Manager compares names case-insensitively, so no two names may be equal once case is
 * folded. Each kind has its own fixed lower-case path, and a login keeps only [a-z0-9.@_+-] as it is: every
 * other character (upper case included) becomes %XX of its UTF-8 bytes, with upper-case hex. `Jane` and
 * `jane` are then `%4Aane` and `jane`, and a login can never look like a chunk part (`#n`, see
 * adapters/secret-chunking.ts) or a nested path. Instance ids are [A-Za-z0-9_-], so `<instanceId>/` is a
 * clean per-instance prefix: removing an instance removes every entry under it (and its `.origin/` tag).
 *
 * Scheme 1 (DF Desk before this change) used `<instanceId>/api-key` and `<instanceId>/<escaped login>`, with
 * only '%', '/' and '#' escaped: the login `API-KEY` then folded onto the API key. Scheme 1 names have one
 * '/', scheme 2 names at least two, so the two can never be confused while entries move
 * (instances/legacy-secrets.ts).
 */

export const API_KEY_ENTRY = 'api-key';
const SCHEME = 'v2';

export function instanceAccountPrefix(instanceId: string): string {
  return `${instanceId}/`;
}

export function apiKeyAccount(instanceId: string): string {
  return `${instanceId}/${SCHEME}/${API_KEY_ENTRY}`;
}

export function tokenAccount(instanceId: string, login: string): string {
  return `${instanceId}/${SCHEME}/token/${encodeLogin(login)}`;
}

/** Not under `<instanceId>/` ('.' is never part of an id), so listing an instance's secrets never shows it. */
export function bindingAccount(instanceId: string): string {
  return `.origin/${instanceId}`;
}

const plainLoginChar = /[a-z0-9.@_+-]/;

/** A login as it appears in an account name: distinct from every other login even with case folded. */
export function encodeLogin(login: string): string {
  let out = '';
  for (const char of login) {
    if (plainLoginChar.test(char)) out += char;
    else for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function decodeLogin(encoded: string): string {
  return decodeURIComponent(encoded);
}

// ── scheme 1, read once to move the entries ────────────────────────────────────────────────────────

export function legacyApiKeyAccount(instanceId: string): string {
  return `${instanceId}/${API_KEY_ENTRY}`;
}

export function legacyTokenAccount(instanceId: string, login: string): string {
  return `${instanceId}/${escapeLogin(login)}`;
}

/** Both names a login's token may be stored under (scheme 2, and scheme 1 before its first use). */
export function tokenAccounts(instanceId: string, login: string): string[] {
  return [tokenAccount(instanceId, login), legacyTokenAccount(instanceId, login)];
}

/** Scheme 1's escaping ('%' → %25, '/' → %2F, '#' → %23; "api-key" → "api%2Dkey"). */
export function escapeLogin(login: string): string {
  const escaped = login.replace(/[%/#]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return escaped === API_KEY_ENTRY ? 'api%2Dkey' : escaped;
}

export function unescapeLogin(escaped: string): string {
  return escaped.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
