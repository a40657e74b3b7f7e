// POST/GET/PUT/DELETE on user/session and system/admin/session (docs/dreamfactory-protocol.md §1, §3 "Refresh").
import type { AuthContext } from './auth-check.ts';
import { formatDfDate } from './clock.ts';
import { DfErrorResponse } from './errors-by-era.ts';
import type { UserRecord } from './fixtures.ts';
import { userRoleForApp } from './fixtures.ts';
import { input, ok } from './http-util.ts';
import type { DfRequest, DfResponse } from './http-util.ts';
import { phpBoolval, phpEmpty } from './php-compat.ts';
import type { RouteInfo } from './route-info.ts';
import { sessionObject } from './session-object.ts';
import type { ServerState } from './state.ts';
import { mintToken } from './token-claims.ts';
import { invalidateToken, refreshLegacy, refreshModern } from './token-lifecycle.ts';

function roleFor(context: AuthContext, user: UserRecord): number | null {
  return context.app === null ? null : userRoleForApp(user, context.app);
}

function login(state: ServerState, req: DfRequest, route: RouteInfo, context: AuthContext): DfResponse {
  const errors = state.errors;
  const attribute = state.era.supportsLoginAttribute ? state.loginAttribute : 'email';
  const login = input(req, attribute);
  if (phpEmpty(login)) throw errors.missingLoginField(attribute);
  const password = input(req, 'password');
  if (phpEmpty(password)) throw errors.missingLoginField('password');
  // Auth::attempt with is_active=1 and a fixed is_sys_admin per path: admins cannot log in at user/session and vice versa.
  const user = state.users.find((candidate) => {
    const matches =
      attribute === 'email'
        ? typeof login === 'string' && candidate.email.toLowerCase() === login.toLowerCase()
        : candidate.username === login;
    return matches && candidate.password === password && candidate.isActive && candidate.isSysAdmin === route.isAdminSessionPath;
  });
  if (user === undefined) throw errors.invalidCredentials();
  // remember_me is boolval()ed ("false" is truthy) and silently dropped unless forever sessions are allowed.
  const forever = phpBoolval(input(req, 'remember_me')) && state.allowForever;
  user.lastLoginDate = formatDfDate(state.clock.now());
  const { token } = mintToken(state, user, { forever, iss: req.urlWithoutQuery });
  return ok(sessionObject(state, user, token, { roleId: roleFor(context, user), afterRefresh: false }));
}

function currentSession(state: ServerState, route: RouteInfo, context: AuthContext): DfResponse {
  const user = context.user;
  if (user === null || context.token === null) {
    throw route.isAdminSessionPath ? state.errors.noUserSession() : state.errors.noValidSession();
  }
  if (route.isAdminSessionPath && !user.isSysAdmin) throw state.errors.notAuthorized();
  return ok(sessionObject(state, user, context.token, { roleId: context.roleId, afterRefresh: false }));
}

function refresh(state: ServerState, req: DfRequest, context: AuthContext): DfResponse {
  const errors = state.errors;
  const token = context.token;
  if (token === null) {
    const reason = state.era.refreshWithoutTokenReason;
    throw state.era.legacyRefresh ? errors.internal(reason) : errors.refreshFailed(reason);
  }
  const outcome = state.era.legacyRefresh
    ? refreshLegacy(state, token, req.urlWithoutQuery)
    : refreshModern(state, token, req.urlWithoutQuery);
  if (!outcome.ok) {
    switch (outcome.kind) {
      case 'refresh-failed':
        throw errors.refreshFailed(outcome.reason);
      case 'window-passed':
        throw new DfErrorResponse(401, outcome.reason);
      case 'blacklisted-raw':
        throw errors.internal(outcome.reason);
      case 'invalid':
        throw errors.tokenInvalid(outcome.reason);
    }
  }
  return ok(
    sessionObject(state, outcome.user, outcome.token, { roleId: roleFor(context, outcome.user), afterRefresh: true }),
  );
}

function logout(state: ServerState, context: AuthContext): DfResponse {
  if (context.token !== null) invalidateToken(state, context.token);
  return ok({ success: true });
}

export function handleSession(state: ServerState, req: DfRequest, route: RouteInfo, context: AuthContext): DfResponse {
  switch (req.method) {
    case 'POST':
      return login(state, req, route, context);
    case 'GET':
      return currentSession(state, route, context);
    case 'PUT':
      return refresh(state, req, context);
    case 'DELETE':
      return logout(state, context);
    default:
      throw new DfErrorResponse(405, `Method ${req.method} not allowed on ${route.service}/${route.component}.`);
  }
}
