// Where DF looks for the API key and the JWT, in precedence order (docs/dreamfactory-protocol.md §2).
import type { EraRules } from './era.ts';
import { headerValue, input } from './http-util.ts';
import type { DfRequest } from './http-util.ts';
import { phpEmpty } from './php-compat.ts';

function asString(value: unknown): string | null {
  if (typeof value === 'string' && !phpEmpty(value)) return value;
  return null;
}

/** query api_key > header X-DreamFactory-API-Key > (DF ≥2.2) body api_key, except on system/app paths. */
export function extractApiKey(era: EraRules, req: DfRequest): string | null {
  const fromQuery = asString(req.query.get('api_key'));
  if (fromQuery !== null) return fromQuery;
  const fromHeader = asString(headerValue(req.headers, 'x-dreamfactory-api-key'));
  if (fromHeader !== null) return fromHeader;
  if (!era.acceptsBodyApiKey || req.pathname.includes('system/app')) return null;
  const body = req.body;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    return asString((body as Record<string, unknown>).api_key);
  }
  return null;
}

/** Authorization containing "Bearer" (token = chars after position 7) > session header > session_token > token (≤2.10). */
export function extractJwt(era: EraRules, req: DfRequest): string | null {
  const authorization = headerValue(req.headers, 'authorization');
  if (authorization?.includes('Bearer')) {
    const fromBearer = asString(authorization.slice(7));
    if (fromBearer !== null) return fromBearer;
  }
  const fromHeader = asString(headerValue(req.headers, 'x-dreamfactory-session-token'));
  if (fromHeader !== null) return fromHeader;
  const fromInput = asString(input(req, 'session_token'));
  if (fromInput !== null) return fromInput;
  if (era.acceptsTokenInput) return asString(input(req, 'token'));
  return null;
}

export interface BasicCredentials {
  user: string;
  password: string;
}

export function extractBasicAuth(req: DfRequest): BasicCredentials | null {
  const authorization = headerValue(req.headers, 'authorization');
  if (authorization === undefined || !/^Basic /i.test(authorization)) return null;
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return user === '' || password === '' ? null : { user, password };
}
