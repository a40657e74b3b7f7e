// DF wire facts shared by the client and the typed API: header names, paths, and the shapes of the session
// object and the error envelope (df-protocol.md §1, §2, §4).
import { z } from 'zod';

export const API_KEY_HEADER = 'X-DreamFactory-API-Key';
export const SESSION_TOKEN_HEADER = 'X-DreamFactory-Session-Token';
export const API_PREFIX = '/api/v2';
export const ENVIRONMENT_PATH = '/system/environment';

export type DfAudience = 'user' | 'admin';

export const USER_SESSION_PATH = '/user/session';
export const ADMIN_SESSION_PATH = '/system/admin/session';

export function sessionPath(audience: DfAudience): string {
  return audience === 'admin' ? ADMIN_SESSION_PATH : USER_SESSION_PATH;
}

/** DF's default DF_JWT_REFRESH_TTL (20160 minutes = 14 days); the client cannot read the server's value. */
export const DEFAULT_REFRESH_WINDOW_SECONDS = 20160 * 60;

/**
 * Reduces what a user typed to the instance root: no trailing slashes, no trailing /api/v2, no query or
 * fragment. Throws a TypeError for anything that is not an absolute http(s) URL.
 */
export function normalizeInstanceUrl(input: string): string {
  let url = input.trim().replace(/[?#].*$/, '');
  if (!/^https?:\/\/[^/?#]+/i.test(url)) {
    throw new TypeError('The DreamFactory URL must start with http:// or https://.');
  }
  url = url.replace(/\/+$/, '');
  url = url.replace(/\/api\/v2$/i, '');
  return url.replace(/\/+$/, '');
}

const numberLike = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);
const booleanLike = z.union([z.boolean(), z.number().transform((value) => value !== 0)]);
const optionalText = z.string().nullable().optional();

/** The session object of POST/GET/PUT on a session path (`Session::getPublicInfo`). */
export const sessionWireSchema = z.looseObject({
  session_token: z.string().min(1),
  id: numberLike,
  name: z.string().nullable().optional(),
  first_name: optionalText,
  last_name: optionalText,
  email: optionalText,
  is_sys_admin: booleanLike.optional(),
  role: z.string().nullable().optional(),
  role_id: numberLike.nullable().optional(),
});
export type DfSessionWire = z.infer<typeof sessionWireSchema>;

/** DF's error envelope: 2.0–2.4 `{error:{context,message,code}}`, ≥2.5 adds `status_code`. */
export const errorEnvelopeSchema = z.looseObject({
  error: z.looseObject({
    message: z.string(),
    code: z.union([z.number(), z.string()]).nullable().optional(),
    context: z.unknown().optional(),
    status_code: z.number().optional(),
  }),
});
export type DfErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
