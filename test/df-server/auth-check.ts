// DF's AuthCheck + AccessCheck middleware per era (docs/dreamfactory-protocol.md §2, §4): who is calling, and may they call this route.
import { extractApiKey, extractBasicAuth, extractJwt } from './credentials.ts';
import type { DfErrorResponse } from './errors-by-era.ts';
import type { AppRecord, UserRecord } from './fixtures.ts';
import { roleAllows, userRoleForApp } from './fixtures.ts';
import type { DfRequest } from './http-util.ts';
import type { RouteInfo } from './route-info.ts';
import type { ServerState } from './state.ts';
import { checkToken } from './token-validation.ts';

export interface AuthContext {
  apiKey: string | null;
  app: AppRecord | null;
  /** The JWT as presented (whatever its state). */
  token: string | null;
  /** Set only for a valid token or successful HTTP Basic login. */
  user: UserRecord | null;
  roleId: number | null;
}

export type AuthResult = { ok: true; context: AuthContext } | { ok: false; error: DfErrorResponse };

function tokenCheckSkipped(state: ServerState, req: DfRequest, route: RouteInfo): boolean {
  if (!route.isSessionPath) return false;
  // DF ≥2.6 ignores tokens sent with the login POST; 2.0 validated them (a bad token made login fail).
  if (req.method === 'POST') return !state.era.legacyClaims;
  // df-core PR #39 (DF 3.0): PUT on the session paths goes straight to the refresh handler.
  return req.method === 'PUT' && state.era.skipTokenCheckOnRefresh;
}

function findLoginUser(state: ServerState, email: string, password: string): UserRecord | null {
  const user = state.users.find((candidate) => candidate.email.toLowerCase() === email.toLowerCase());
  return user?.isActive === true && user.password === password ? user : null;
}

/** AuthCheck: identify the app, the user (token or HTTP Basic) and the role; token errors first (§4 check order). */
export function authenticate(state: ServerState, req: DfRequest, route: RouteInfo): AuthResult {
  const errors = state.errors;
  const apiKey = extractApiKey(state.era, req);
  const app = state.apps.find((candidate) => candidate.apiKey === apiKey) ?? null;
  const token = extractJwt(state.era, req);
  let user: UserRecord | null = null;

  const basic = extractBasicAuth(req);
  if (basic !== null) {
    user = findLoginUser(state, basic.user, basic.password);
    if (user === null) return { ok: false, error: errors.basicAuthFailed() };
  } else if (token !== null && !tokenCheckSkipped(state, req, route)) {
    const check = checkToken(state, token);
    switch (check.status) {
      case 'valid':
        user = check.user;
        break;
      case 'expired':
        state.tokens.clearExpiredRows(state.clock.now());
        // 2.0 tolerated an expired token on access-exception paths (so PUT could refresh it).
        if (state.era.rejectBadTokenOnPublicPaths || !route.isAccessException) {
          return { ok: false, error: errors.tokenExpired() };
        }
        break;
      case 'blacklisted':
        return { ok: false, error: errors.tokenBlacklisted() };
      case 'invalid':
        return { ok: false, error: errors.tokenInvalid(check.reason) };
    }
  }

  let roleId: number | null = null;
  if (app !== null) roleId = user === null ? app.defaultRoleId : userRoleForApp(user, app);
  return { ok: true, context: { apiKey, app, token, user, roleId } };
}

/** Whether the caller's role (or admin flag) reaches this service: with `method`, or at all without it. */
export function canAccessService(context: AuthContext, service: string, method?: string): boolean {
  return context.user?.isSysAdmin === true || roleAllows(context.roleId, service, method);
}

/** AccessCheck: permission for a non-exception route, with DF's "best error response" cascade. */
export function authorize(state: ServerState, req: DfRequest, route: RouteInfo, context: AuthContext): DfErrorResponse | null {
  if (route.isAccessException) return null;
  const errors = state.errors;
  const hasCredentials = context.apiKey !== null || context.token !== null || context.user !== null;
  if (state.era.legacyClaims) {
    // 2.0 AccessCheck: no credentials at all fails before any permission logic, even for the API root.
    if (!hasCredentials) return errors.noCredentials();
    if (route.isRoot || canAccessService(context, route.service, req.method)) return null;
    return context.user === null ? errors.notAuthenticated() : errors.forbidden(req.method, route.service, route.component);
  }
  if (route.isRoot || canAccessService(context, route.service, req.method)) return null;
  if (!hasCredentials) return errors.noCredentials();
  if (context.roleId === null) {
    if (context.apiKey === null) return errors.noApiKey();
    if (context.token === null && context.user === null) return errors.noJwt();
    return errors.roleNotFound();
  }
  if (context.user === null) return errors.notAuthenticated();
  return errors.forbidden(req.method, route.service, route.component);
}
