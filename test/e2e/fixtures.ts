/**
 * Setup and server-side checks for the journeys. Setup goes through the real DeskApi (what the UI would call)
 * when a journey is not ABOUT that step; checks talk to the DF test server over its own HTTP API, so a journey
 * proves what really reached the server, not what the UI claims.
 */
import type { Desk } from '../../electron/main/desk.ts';
import type { Instance, InstanceTag, SessionStatus } from '../../shared/ipc/contract.ts';
import { DEFAULT_API_KEY, DEFAULT_USERS, type DfServer, type DfServerOptions, startDfServer } from '../df-server/index.ts';

export const jane = { email: 'jane@example.com', password: 'jane-password', name: 'Jane Doe' } as const;
export const apiKey = DEFAULT_API_KEY;
export const userLoginRoute = 'POST /api/v2/user/session';

if (!DEFAULT_USERS.some((user) => user.email === jane.email && user.password === jane.password)) {
  throw new Error('The DF test server no longer seeds jane@example.com/jane-password; update test/e2e/fixtures.ts.');
}

export function startServer(options: DfServerOptions = {}): Promise<DfServer> {
  return startDfServer({ allowForever: true, ...options });
}

export async function addInstance(
  desk: Desk,
  server: DfServer,
  name: string,
  tag: InstanceTag = 'dev',
): Promise<Instance> {
  return desk.api.instances.add({ name, url: server.url, apiKey, tag });
}

export function signInAsJane(desk: Desk, instance: Instance): Promise<SessionStatus> {
  return desk.api.session.signIn(instance.id, { email: jane.email, password: jane.password, rememberMe: true });
}

export type DfRow = Record<string, unknown>;

/** A separate DF session, as another client of the same server would have: for server-side checks only. */
export async function serverClient(server: DfServer) {
  const base = `${server.url}/api/v2`;
  const login = await fetch(`${base}/user/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-DreamFactory-API-Key': apiKey },
    body: JSON.stringify({ email: jane.email, password: jane.password }),
  });
  if (!login.ok) throw new Error(`Server-side login failed: ${login.status}`);
  const { session_token: token } = (await login.json()) as { session_token: string };
  const headers = { 'X-DreamFactory-API-Key': apiKey, 'X-DreamFactory-Session-Token': token };
  return {
    async contacts(filter?: string): Promise<DfRow[]> {
      const query = new URLSearchParams({ limit: '1000' });
      if (filter !== undefined) query.set('filter', filter);
      const response = await fetch(`${base}/db/_table/contacts?${query}`, { headers });
      if (!response.ok) throw new Error(`Server-side read failed: ${response.status}`);
      return ((await response.json()) as { resource: DfRow[] }).resource;
    },
  };
}

/** How often a route (`METHOD /path`, no query) was called since the server's stats were last reset. */
export function routeCount(server: DfServer, route: string): number {
  return server.stats.byRoute[route] ?? 0;
}

/** Requests with this method whose path starts with `prefix` (query strings included in the log). */
export function loggedRequests(server: DfServer, method: string, prefix: string): number {
  return server.requestLog.filter((entry) => entry.method === method && entry.path.startsWith(prefix)).length;
}
