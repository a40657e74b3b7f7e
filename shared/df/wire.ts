/**
 * The two DF answer shapes the session library depends on, read without a schema library so that everything
 * under shared/ stays small enough for the renderer bundle: the session object of POST/GET/PUT on a session
 * path, and DF's error envelope (docs/dreamfactory-protocol.md §1, §4).
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The session object (`Session::getPublicInfo`). Only `session_token` and `id` are guaranteed on every era. */
export interface DfSessionWire {
  session_token: string;
  id: number;
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  is_sys_admin?: boolean;
  /** Present after sign-in and on GET; a real DF 7.0.0 leaves it out of the refresh answer. */
  role?: string | null;
}

/** DF 2.0 sends ids as digit strings and flags as 0/1. */
function numberLike(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

function booleanLike(value: unknown): boolean | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  return typeof value === 'number' ? value !== 0 : null;
}

/** Absent or null is fine; anything but a string means the answer is not DF's. */
function optionalText(body: Record<string, unknown>, key: string): { ok: boolean; value?: string | null } {
  const value = body[key];
  if (value === undefined) return { ok: true };
  if (value === null || typeof value === 'string') return { ok: true, value };
  return { ok: false };
}

const textFields = ['name', 'first_name', 'last_name', 'email', 'role'] as const;

/** The session object, or null when `body` is not one (no token, no numeric id, wrong field types). */
export function readSessionWire(body: unknown): DfSessionWire | null {
  if (!isRecord(body)) return null;
  const token = body.session_token;
  const id = numberLike(body.id);
  if (typeof token !== 'string' || token === '' || id === undefined) return null;
  const wire: DfSessionWire = { session_token: token, id };
  for (const key of textFields) {
    const field = optionalText(body, key);
    if (!field.ok) return null;
    if (field.value !== undefined) wire[key] = field.value;
  }
  const admin = booleanLike(body.is_sys_admin);
  if (admin === null) return null;
  if (admin !== undefined) wire.is_sys_admin = admin;
  if (body.role_id !== undefined && body.role_id !== null && numberLike(body.role_id) === undefined) return null;
  return wire;
}

/** DF's error envelope: 2.0–2.4 `{error:{context,message,code}}`; 2.5 and later add `status_code`. */
export interface DfErrorEnvelope {
  message: string;
  code?: number | string;
  context?: unknown;
}

export function readErrorEnvelope(body: unknown): DfErrorEnvelope | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { message, code, context, status_code: statusCode } = body.error;
  if (typeof message !== 'string') return null;
  if (code !== undefined && code !== null && typeof code !== 'number' && typeof code !== 'string') return null;
  if (statusCode !== undefined && typeof statusCode !== 'number') return null;
  const envelope: DfErrorEnvelope = { message };
  if (code !== undefined && code !== null) envelope.code = code;
  if (context !== undefined && context !== null) envelope.context = context;
  return envelope;
}
