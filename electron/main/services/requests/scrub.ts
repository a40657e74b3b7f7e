/**
 * Removes credentials from a DF answer before it reaches the renderer. DF echoes the session token in every
 * session object (`session_token` and its copy `session_id`, e.g. GET /user/session) and a script or a
 * custom service may echo anything, so besides those fields every JWT-shaped text and every occurrence of
 * the instance's own credentials (API key, current token) is replaced, at any depth.
 */

export const HIDDEN_TOKEN = '[hidden by DF Desk]';
export const HIDDEN_SECRET = '[hidden]';

// Hiding "a" would mangle every answer; real keys and tokens are far longer.
const MIN_SECRET_LENGTH = 4;
const tokenFields: ReadonlySet<string> = new Set(['session_token', 'session_id']);
// Same shape the IPC layer redacts: the base64url of '{"' starts every JWT.
const jwtShaped = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

function usableSecrets(secrets: readonly (string | null | undefined)[]): string[] {
  return secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH);
}

function replaceAll(text: string, secrets: readonly string[]): string {
  let out = text.replace(jwtShaped, HIDDEN_TOKEN);
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(HIDDEN_SECRET);
  }
  return out;
}

/** `text` without JWT-shaped parts and without any of `secrets`. */
export function scrubText(text: string, secrets: readonly (string | null | undefined)[]): string {
  return replaceAll(text, usableSecrets(secrets));
}

/**
 * A copy of `value` without credentials; `secrets` are exact strings to hide. Non-JSON values (functions,
 * symbols) are dropped.
 */
export function scrubSecrets(value: unknown, secrets: readonly (string | null | undefined)[]): unknown {
  const exact = usableSecrets(secrets);
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return replaceAll(item, exact);
    if (item === null || typeof item === 'number' || typeof item === 'boolean') return item;
    if (Array.isArray(item)) return item.map(walk);
    if (typeof item === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(item)) {
        const cleanKey = replaceAll(key, exact);
        out[cleanKey] = tokenFields.has(key.toLowerCase()) && field !== null && field !== '' ? HIDDEN_TOKEN : walk(field);
      }
      return out;
    }
    return undefined;
  };
  return walk(value);
}
