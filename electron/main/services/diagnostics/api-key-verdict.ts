/**
 * Did DF accept the API key? DF has no "check key" call, so the probe asks for a resource that needs a role
 * (GET /api/v2/system/service) with the key and no token, and reads the answer (docs/dreamfactory-protocol.md §4):
 *
 * - key resolves to an app with a role → 200 (role may read it), 401 "Unauthorized. User is not
 *   authenticated." or 403 "Access Forbidden…": accepted;
 * - unknown key, or an app without a default role → 400 "No session token (JWT) provided…" (DF ≥2.3; DF
 *   finds no role either way, so the two cannot be told apart): not accepted;
 * - the key never arrived (a proxy stripping X-DreamFactory-* headers) → "No session token (JWT) or API Key
 *   detected" / "No token or api key provided": not accepted;
 * - DF 2.0–2.2 answer "Unauthorized." / "Access Forbidden." for a right and a wrong key alike: unknown.
 */
import { dfErrorMessage } from '../../../../shared/df/errors.ts';

export interface ApiKeyVerdict {
  accepted: boolean | null;
  detail: string;
  nextStep?: string;
}

const keyFromApp =
  'Copy the key from DreamFactory admin → Apps → your app → API Key, and make sure that app has a default role.';

export function apiKeyVerdict(status: number, body: unknown): ApiKeyVerdict {
  if (status >= 200 && status < 300) return { accepted: true, detail: 'DreamFactory accepted the API key.' };
  const message = dfErrorMessage(body);
  if (message === null) {
    return {
      accepted: null,
      detail: `The key check got an answer DF Desk could not read (HTTP ${status}).`,
      nextStep: 'Try again; if it persists, check the instance URL.',
    };
  }
  const text = message.trim();
  if (/no session token \(jwt\) or api key detected|no token or api key provided/i.test(text)) {
    return {
      accepted: false,
      detail: 'DreamFactory did not receive the API key.',
      nextStep: 'A proxy in front of DreamFactory may be removing the X-DreamFactory-API-Key header; allow it through.',
    };
  }
  if (/no session token \(jwt\) provided|invalid api key|role not found/i.test(text)) {
    return {
      accepted: false,
      detail: 'DreamFactory did not accept the API key: no app has this key, or the app has no default role.',
      nextStep: keyFromApp,
    };
  }
  if (/^unauthorized\.?$|^access forbidden\.?$/i.test(text)) {
    return {
      accepted: null,
      detail: 'This DreamFactory version does not say whether the key is valid before you sign in.',
      nextStep: 'Sign in to find out: requests will fail with "Access Forbidden" if the key is wrong.',
    };
  }
  if (status === 401 || status === 403 || status === 404) {
    return { accepted: true, detail: 'DreamFactory accepted the API key (its app has a role).' };
  }
  return {
    accepted: null,
    detail: `The key check was answered with HTTP ${status}: ${text}`,
    nextStep: 'Try again; if it persists, check DreamFactory’s log.',
  };
}
