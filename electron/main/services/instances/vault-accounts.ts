/**
 * Names of DF Desk's keychain entries (service "DF Desk"):
 *
 *   <instanceId>/api-key          the instance's API key (X-DreamFactory-API-Key)
 *   <instanceId>/<escaped login>  the session token of that login (email or username)
 *
 * Instance ids are [A-Za-z0-9_-], so `<instanceId>/` is a clean per-instance prefix: removing an instance
 * removes every entry under it. Logins are escaped ('%' → %25, '/' → %2F, '#' → %23) so a login can never
 * look like a chunk part (`#n`, see adapters/secret-chunking.ts) or a nested path, and the one login that
 * would collide with the API-key entry ("api-key") becomes "api%2Dkey". Everything else stays readable in a
 * keychain browser, e.g. `k3Jd…/admin@example.com`.
 */

export const API_KEY_ENTRY = 'api-key';

export function instanceAccountPrefix(instanceId: string): string {
  return `${instanceId}/`;
}

export function apiKeyAccount(instanceId: string): string {
  return `${instanceId}/${API_KEY_ENTRY}`;
}

export function escapeLogin(login: string): string {
  const escaped = login.replace(/[%/#]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return escaped === API_KEY_ENTRY ? 'api%2Dkey' : escaped;
}

export function unescapeLogin(escaped: string): string {
  return escaped.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export function tokenAccount(instanceId: string, login: string): string {
  return `${instanceId}/${escapeLogin(login)}`;
}
