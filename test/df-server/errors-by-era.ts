// DF error messages and the JSON error envelope, per era (docs/dreamfactory-protocol.md §4).
import type { EraRules } from './era.ts';
import { htmlEntities } from './php-compat.ts';

/**
 * An error answer this server sends: HTTP status plus the envelope's `code` (equal here; 2.0 raw exceptions use
 * 500/500). Thrown by handlers and turned into the era's envelope; the client's classification is shared/df's DfError.
 */
export class DfErrorResponse extends Error {
  readonly status: number;
  readonly code: number;

  constructor(status: number, message: string, code: number = status) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function errorEnvelope(era: EraRules, error: DfErrorResponse): Record<string, unknown> {
  const message = htmlEntities(error.message);
  if (!era.envelopeWithStatusCode) {
    return { error: { context: null, message, code: error.code } };
  }
  return { error: { code: error.code, context: null, message, status_code: error.status } };
}

const NO_CREDENTIALS_MODERN =
  'No session token (JWT) or API Key detected in request. Please send in X-DreamFactory-Session-Token and/or X-DreamFactory-API-Key request header. You can also use URL query parameters session_token and/or api_key.';
const NO_API_KEY_MODERN =
  "No API Key provided. Please provide a valid API Key using X-DreamFactory-API-Key request header or 'api_key' url query parameter.";
const NO_JWT_MODERN =
  "No session token (JWT) provided. Please provide a valid JWT using X-DreamFactory-Session-Token request header or 'session_token' url query parameter.";

/** Factories for every error the middleware and handlers raise, worded per era. */
export function eraErrors(era: EraRules) {
  const legacy = era.profile === '2.0';
  return {
    tokenExpired: () =>
      new DfErrorResponse(
        401,
        legacy
          ? 'Token has expired'
          : 'Token has expired: Session expired. Please refresh your token (if still within refresh window) or re-login.',
      ),
    tokenBlacklisted: () =>
      new DfErrorResponse(
        403,
        legacy ? 'The token has been blacklisted' : 'The token has been blacklisted: Session terminated. Please re-login.',
      ),
    tokenInvalid: (reason: string) =>
      legacy ? new DfErrorResponse(400, 'Invalid token supplied.') : new DfErrorResponse(401, `Invalid token: ${reason}`),
    refreshFailed: (reason: string) => new DfErrorResponse(401, `Token refresh failed. ${reason}`),
    noCredentials: () =>
      legacy ? new DfErrorResponse(400, 'Bad request. No token or api key provided.') : new DfErrorResponse(400, NO_CREDENTIALS_MODERN),
    noApiKey: () => (legacy ? new DfErrorResponse(403, 'Access Forbidden.') : new DfErrorResponse(400, NO_API_KEY_MODERN)),
    noJwt: () => (legacy ? new DfErrorResponse(401, 'Unauthorized.') : new DfErrorResponse(400, NO_JWT_MODERN)),
    roleNotFound: () =>
      legacy
        ? new DfErrorResponse(403, 'Access Forbidden.')
        : new DfErrorResponse(403, 'Role not found. A role may not be assigned to you or your application.'),
    notAuthenticated: () =>
      legacy ? new DfErrorResponse(401, 'Unauthorized.') : new DfErrorResponse(401, 'Unauthorized. User is not authenticated.'),
    forbidden: (verb: string, service: string, component: string) => {
      if (legacy) return new DfErrorResponse(403, 'Access Forbidden.');
      const target = component === '' ? '' : `component '${component}' of `;
      return new DfErrorResponse(403, `Access Forbidden. ${verb} access to ${target}service '${service}' is not allowed by this user's role.`);
    },
    basicAuthFailed: () => new DfErrorResponse(401, 'Unauthorized. User credentials did not match.'),
    invalidCredentials: () => new DfErrorResponse(401, 'Invalid credentials supplied.'),
    missingLoginField: (field: string) => new DfErrorResponse(400, `Login request is missing required ${field}.`),
    noValidSession: () => new DfErrorResponse(401, 'There is no valid session for the current request.'),
    noUserSession: () => new DfErrorResponse(404, 'No user session found.'),
    notAuthorized: () => new DfErrorResponse(401, 'You are not authorized to perform this action.'),
    serviceNotFound: (name: string) => new DfErrorResponse(404, `Could not find a service for ${name}`),
    resourceNotFound: (resource: string, service: string) =>
      new DfErrorResponse(404, `Resource '${resource}' not found for service '${service}'.`),
    /** A non-DF exception (raw jwt-auth / PHP) surfaces as HTTP 500 with code 500. */
    internal: (message: string) => new DfErrorResponse(500, message),
  };
}

export type EraErrors = ReturnType<typeof eraErrors>;
