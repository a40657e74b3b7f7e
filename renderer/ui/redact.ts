/**
 * Defence in depth: the main process never hands the renderer a token, but a console call such as
 * POST /user/session would echo one in its body. Anything JWT-shaped, and session fields, are masked before display
 * or storage.
 */
export const redactedText = '[hidden by DF Desk]';

const jwtPattern = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+/g;
const sessionKeys = /^(session_token|session_id|token|access_token|refresh_token|id_token|jwt)$/i;
/** Wider: what we never write to localStorage, even as part of a request the user typed. */
const storedSecretKeys = /pass(word)?|secret|token|api[_-]?key|session_id|authorization|credential/i;

function redact(value: unknown, isSecretKey: (key: string) => boolean, depth: number): unknown {
  if (typeof value === 'string') return value.replace(jwtPattern, redactedText);
  if (depth > 64 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, isSecretKey, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) && item !== null && item !== '' ? redactedText : redact(item, isSecretKey, depth + 1);
  }
  return out;
}

/** For showing a response. */
export function redactForDisplay(value: unknown): unknown {
  return redact(value, (key) => sessionKeys.test(key), 0);
}

/** For anything kept in localStorage (console history). */
export function redactForStorage(value: unknown): unknown {
  return redact(value, (key) => storedSecretKeys.test(key), 0);
}

export function isSecretParam(key: string): boolean {
  return storedSecretKeys.test(key);
}
