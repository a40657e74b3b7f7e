// Dispatches an authenticated request to its handler; everything unknown is a DF-style 404.
import { authenticate, authorize } from './auth-check.ts';
import type { AuthContext } from './auth-check.ts';
import { handleDb } from './db-service.ts';
import { environment } from './environment.ts';
import { DfErrorResponse } from './errors-by-era.ts';
import { ok } from './http-util.ts';
import type { DfRequest, DfResponse } from './http-util.ts';
import { parseRoute } from './route-info.ts';
import type { RouteInfo } from './route-info.ts';
import { serviceIndex } from './service-index.ts';
import { handleSession } from './session-routes.ts';
import type { ServerState } from './state.ts';

function methodNotAllowed(req: DfRequest): DfErrorResponse {
  return new DfErrorResponse(405, `Method '${req.method}' is not allowed on this resource.`);
}

/** Admin-only system resources (enough to exercise "role lacks permission" on a real service). */
function handleSystem(state: ServerState, req: DfRequest, route: RouteInfo, context: AuthContext): DfResponse {
  if (route.component === 'environment') {
    if (req.method !== 'GET') throw methodNotAllowed(req);
    return ok(environment(state, req, context));
  }
  if (route.component === 'user' && req.method === 'GET') {
    return ok({
      resource: state.users.map((user) => ({
        id: user.id,
        name: user.name,
        username: user.username,
        first_name: user.firstName,
        last_name: user.lastName,
        email: user.email,
        is_active: user.isActive,
        last_login_date: user.lastLoginDate,
      })),
    });
  }
  throw state.errors.resourceNotFound(route.component, 'system');
}

export function routeRequest(state: ServerState, req: DfRequest, baseUrl: string): DfResponse {
  const route = parseRoute(req.pathname, req.method);
  if (route === null) throw new DfErrorResponse(404, `Route '${req.pathname}' not found.`);
  const auth = authenticate(state, req, route);
  if (!auth.ok) throw auth.error;
  const context = auth.context;
  const denied = authorize(state, req, route, context);
  if (denied !== null) throw denied;
  if (route.isRoot) {
    if (req.method !== 'GET') throw methodNotAllowed(req);
    return ok(serviceIndex(state, baseUrl, context));
  }
  if (route.isSessionPath) return handleSession(state, req, route, context);
  switch (route.service) {
    case 'system':
      return handleSystem(state, req, route, context);
    case 'db':
      return handleDb(state, req, route);
    case 'user':
    case 'api_docs':
      throw state.errors.resourceNotFound(route.component, route.service);
    default:
      throw state.errors.serviceNotFound(route.service);
  }
}
