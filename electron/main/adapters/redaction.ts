/**
 * What "never log a secret" means in practice: JWT-shaped strings anywhere, values under secret-named keys,
 * and DreamFactory credential headers, whether they arrive as structured fields or inside free text.
 */

const REDACTED = '[redacted]';

/** Three base64url parts, the first a JSON header (`{"` → `eyJ`); the signature may be empty (alg none). */
export const jwtPattern = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

export function containsJwt(text: string): boolean {
  return new RegExp(jwtPattern.source).test(text);
}

// Compared after lowercasing and dropping '-' and '_', so apiKey, api_key, API-Key and session_token all match.
const secretKeys = new Set([
  'token',
  'sessiontoken',
  'accesstoken',
  'refreshtoken',
  'password',
  'newpassword',
  'oldpassword',
  'apikey',
  'authorization',
  'secret',
  'cookie',
  'setcookie',
]);

export function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.startsWith('x-dreamfactory-') || secretKeys.has(lower.replace(/[-_]/g, ''));
}

const textRules: Array<[RegExp, string]> = [
  [jwtPattern, '[redacted-jwt]'],
  // DF API keys are 64 hex characters. A SHA-256 digest looks the same and is hidden too: a fair price.
  [/\b[A-Fa-f0-9]{64}\b/g, '[redacted-key]'],
  // "X-DreamFactory-Session-Token: abc" or "x-dreamfactory-api-key=abc" inside a message.
  [/(x-dreamfactory-[a-z-]+"?\s*[:=]\s*"?)[^\s",;&]+/gi, `$1${REDACTED}`],
  // Query strings: ?api_key=…&session_token=…
  [/([?&](?:api_key|session_token|token|password)=)[^&\s#"]+/gi, `$1${REDACTED}`],
  // JSON text that was logged as a string: "session_token":"…"
  [
    /("(?:session_token|sessionToken|token|password|api_key|apiKey|authorization)"\s*:\s*")(?:[^"\\]|\\.)*"/gi,
    `$1${REDACTED}"`,
  ],
  [/(\bBearer\s+)[A-Za-z0-9._~+/-]+=*/gi, `$1${REDACTED}`],
  // Case-sensitive and long enough to be base64 credentials, so "a basic check" stays readable.
  [/(\bBasic\s+)[A-Za-z0-9+/]{8,}=*/g, `$1${REDACTED}`],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of textRules) out = out.replace(pattern, replacement);
  return out;
}

const MAX_DEPTH = 6;

/** A JSON-safe copy of `value` with every secret replaced. Never throws (cycles, BigInt, Errors are handled). */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined; // functions, symbols, undefined
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    // The stack would repeat the message and adds little to a user's log; keep what identifies the failure.
    return { name: value.name, message: redactText(value.message) };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) && item !== undefined && item !== null ? REDACTED : redactValue(item, depth + 1, seen);
  }
  return out;
}
