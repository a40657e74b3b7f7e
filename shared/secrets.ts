/**
 * The one place that knows what a DF Desk secret looks like and how it is hidden. Every layer calls this
 * module (the session library, the request proxy, IPC dispatch, the logger, the settings store and the
 * renderer), so a pattern fixed here is fixed everywhere. No zod and no platform globals: the renderer
 * bundles it.
 *
 * Three strengths, because the same rule cannot suit all text:
 * - `redactText` / `redactValue`: log lines and error messages. Thorough: JWT fragments, 64-hex API keys,
 *   credential headers, query strings, Bearer/Basic values, and the caller's own secrets.
 * - `redactData`: DF answers a user asked to see. Only whole JWTs, the caller's own secrets and the fields
 *   named by `hideKey`: a column holding a SHA-256 digest or the word "Basic" is data, not a credential.
 */

/** What every hidden secret becomes, in logs, messages and answers alike. */
export const REDACTED = '[hidden by DF Desk]';

/** Secrets shorter than this are not looked for: hiding "a" would mangle every text. */
export const MIN_SECRET_LENGTH = 4;

export type SecretList = readonly (string | null | undefined)[];

/** A whole JWT: three base64url parts, the first a JSON header (`{"` is `eyJ`); the signature may be empty. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** A JWT or any piece of one (a header alone, a cut-off token): for messages and logs, where nothing is data. */
export const JWT_FRAGMENT_PATTERN = /eyJ[A-Za-z0-9_\-+/=.]{6,}/g;
/** DF API keys are 64 hex characters. A SHA-256 digest looks the same and is hidden too in logs: a fair price. */
export const API_KEY_PATTERN = /\b[A-Fa-f0-9]{64}\b/g;

const credentialTextRules: ReadonlyArray<readonly [RegExp, string]> = [
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
  [JWT_FRAGMENT_PATTERN, REDACTED],
  [API_KEY_PATTERN, REDACTED],
];

/** `secret` as RFC 3986 percent-encoding (encodeURIComponent leaves !'()* alone; RFC 3986 does not). */
function rfc3986(secret: string): string {
  return encodeURIComponent(secret).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function htmlEscaped(secret: string, apostrophe: string): string {
  return secret
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, apostrophe)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The forms a server may quote `secret` in: as it is, URL-encoded (RFC 3986, encodeURIComponent, PHP's
 * urlencode, lower-case hex), HTML-escaped (DF escapes every error message) and JSON-escaped. A key need not
 * look like one (`k-Live_0123!` is no 64-hex string), so it is hidden because it is known, in each form.
 */
export function secretVariants(secret: string): string[] {
  const encoded = rfc3986(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    ...new Set([
      secret,
      encoded,
      encoded.replace(/%[0-9A-F]{2}/g, (pair) => pair.toLowerCase()),
      encodeURIComponent(secret),
      encoded.replace(/%20/g, '+').replace(/~/g, '%7E'),
      htmlEscaped(secret, '&#039;'),
      htmlEscaped(secret, '&#39;'),
      json,
      json.replace(/\//g, '\\/'),
    ]),
  ];
}

// The same few secrets (an instance's API key, its tokens) are scrubbed from every answer: expand each once.
const variantsOf = new Map<string, readonly string[]>();

function variantsFor(secret: string): readonly string[] {
  let variants = variantsOf.get(secret);
  if (variants === undefined) {
    variants = secretVariants(secret).sort((a, b) => b.length - a.length);
    if (variantsOf.size > 256) variantsOf.clear();
    variantsOf.set(secret, variants);
  }
  return variants;
}

const NONE: readonly string[] = Object.freeze([]);

function worthLookingFor(secret: string | null | undefined): secret is string {
  return typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH;
}

/** The secrets worth looking for, each in every form, longest first (a form containing another goes whole). */
function usable(secrets: SecretList): readonly string[] {
  // One secret (the usual case: an instance's API key) costs a map lookup, no allocation.
  if (secrets.length === 1) return worthLookingFor(secrets[0]) ? variantsFor(secrets[0]) : NONE;
  const found = new Set<string>();
  for (const secret of secrets) if (worthLookingFor(secret)) for (const form of variantsFor(secret)) found.add(form);
  return [...found].sort((a, b) => b.length - a.length);
}

function withoutExact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

// ── key names ─────────────────────────────────────────────────────────────────────────────────────────

// Compared after lowercasing and dropping '-' and '_', so apiKey, api_key, API-Key all match.
const secretNames: ReadonlySet<string> = new Set(['apikey', 'authorization', 'cookie', 'setcookie', 'sessionid', 'jwt']);
const secretSuffixes = ['token', 'secret', 'password', 'passwd', 'credential', 'credentials'];

function normalizedKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** A key whose value is a credential: logs, settings and stored history never keep its value. */
export function isSecretKey(key: string): boolean {
  const name = normalizedKey(key);
  return (
    name.startsWith('xdreamfactory') || secretNames.has(name) || secretSuffixes.some((suffix) => name.endsWith(suffix))
  );
}

// Parts of a name that make whatever a user typed under it worth hiding before it is stored.
const secretishParts = ['pass', 'secret', 'token', 'apikey', 'sessionid', 'authorization', 'credential'];

/**
 * A key whose value may be a credential, by any part of its name (passcode, x-api-key, aws_secret_access_key):
 * for what a user typed and DF Desk stores (console history). Broader than isSecretKey, which must leave
 * `hasApiKey` or `tokenExpiresAt` readable in logs and settings.
 */
export function mayHoldSecret(key: string): boolean {
  const name = normalizedKey(key);
  return isSecretKey(key) || secretishParts.some((part) => name.includes(part));
}

const tokenNames: ReadonlySet<string> = new Set(['sessiontoken', 'sessionid', 'token', 'accesstoken', 'refreshtoken', 'idtoken', 'jwt']);

/** A field that holds a token (session, access, refresh, id): hidden wherever an answer is shown. */
export function isTokenKey(key: string): boolean {
  return tokenNames.has(normalizedKey(key));
}

/** The two fields in which DF echoes the session token in every session object. */
export function isSessionTokenField(key: string): boolean {
  const name = key.toLowerCase();
  return name === 'session_token' || name === 'session_id';
}

// ── text ──────────────────────────────────────────────────────────────────────────────────────────────

export function containsJwt(text: string): boolean {
  return new RegExp(JWT_PATTERN.source).test(text);
}

/** redactText with `exact` already expanded by usable(). */
function logGradeText(text: string, exact: readonly string[]): string {
  let out = withoutExact(text, exact);
  for (const [pattern, replacement] of credentialTextRules) out = out.replace(pattern, replacement);
  return out;
}

/** For log lines and error messages: every credential-shaped part and each of `secrets` is replaced. */
export function redactText(text: string, secrets: SecretList = []): string {
  return logGradeText(text, usable(secrets));
}

// ── values ────────────────────────────────────────────────────────────────────────────────────────────

const MAX_LOG_DEPTH = 6;

/** For log fields: a JSON-safe copy with secret-named keys and credential-shaped text hidden. Never throws. */
export function redactValue(value: unknown, secrets: SecretList = []): unknown {
  const exact = usable(secrets);
  const seen = new WeakSet<object>();
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return logGradeText(item, exact);
    if (item === null || typeof item === 'number' || typeof item === 'boolean') return item;
    if (typeof item === 'bigint') return item.toString();
    if (typeof item !== 'object') return undefined; // functions, symbols, undefined
    if (seen.has(item)) return '[circular]';
    if (depth >= MAX_LOG_DEPTH) return '[too deep]';
    seen.add(item);
    // The stack would repeat the message and adds little to a user's log; keep what identifies the failure.
    if (item instanceof Error) return { name: item.name, message: logGradeText(item.message, exact) };
    if (Array.isArray(item)) return item.map((entry) => walk(entry, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(item)) {
      out[key] = isSecretKey(key) && hasContent(field) ? REDACTED : walk(field, depth + 1);
    }
    return out;
  };
  return walk(value, 0);
}

function hasContent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

export interface RedactDataOptions {
  /** Exact strings to hide wherever they occur (the instance's API key, the current token). */
  secrets?: SecretList;
  /** Fields whose whole value is hidden (when it has one). Default: DF's session token fields. */
  hideKey?: (key: string) => boolean;
  /** Look as hard as in logs (key-shaped hex, credential headers…): for data that is stored, not shown. */
  thorough?: boolean;
}

const MAX_DATA_DEPTH = 256;
/** What stands where an answer nests deeper than anyone reads (and deeper than is safe to walk). */
export const TOO_DEEP = '[nested too deep to show]';

/** redactDataText with `exact` already expanded by usable(). */
function dataGradeText(text: string, exact: readonly string[]): string {
  const out = withoutExact(text, exact);
  // Every JWT starts with eyJ: most texts can skip the pattern (this runs on each string of each DF answer).
  return out.includes('eyJ') ? out.replace(JWT_PATTERN, REDACTED) : out;
}

/** For one text of a DF answer (a header value): whole JWTs and the given secrets hidden. */
export function redactDataText(text: string, secrets: SecretList = []): string {
  return dataGradeText(text, usable(secrets));
}

interface DataWalk {
  exact: readonly string[];
  hideKey: (key: string) => boolean;
  thorough: boolean;
}

function dataText(item: string, walk: DataWalk): string {
  return walk.thorough ? logGradeText(item, walk.exact) : dataGradeText(item, walk.exact);
}

// Module-level rather than a closure per call: the request proxy runs this on every DF answer.
function walkData(item: unknown, walk: DataWalk, depth: number): unknown {
  if (typeof item === 'string') return dataText(item, walk);
  if (item === null || typeof item === 'number' || typeof item === 'boolean') return item;
  if (typeof item !== 'object') return undefined;
  if (depth > MAX_DATA_DEPTH) return TOO_DEEP;
  if (Array.isArray(item)) return item.map((entry) => walkData(entry, walk, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(item)) {
    out[dataText(key, walk)] = walk.hideKey(key) && hasContent(field) ? REDACTED : walkData(field, walk, depth + 1);
  }
  return out;
}

/** For DF answers shown to the user: a JSON-safe copy without JWTs, the given secrets and hidden fields. */
export function redactData(value: unknown, options: RedactDataOptions = {}): unknown {
  const walk: DataWalk = {
    exact: usable(options.secrets ?? []),
    hideKey: options.hideKey ?? isSessionTokenField,
    thorough: options.thorough === true,
  };
  return walkData(value, walk, 0);
}
