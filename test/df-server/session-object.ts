// Session::getPublicInfo — the session object, keys in DF's emission order (docs/dreamfactory-protocol.md §1).
import { formatDfDate } from './clock.ts';
import type { UserRecord } from './fixtures.ts';
import { ROLES } from './fixtures.ts';
import type { ServerState } from './state.ts';

export interface SessionObjectOptions {
  roleId: number | null;
  /** Latest skips session setup for PUT, so the refreshed session carries no role. */
  afterRefresh: boolean;
}

export function sessionObject(
  state: ServerState,
  user: UserRecord,
  token: string,
  options: SessionObjectOptions,
): Record<string, unknown> {
  const session: Record<string, unknown> = {
    session_token: token,
    session_id: token,
    id: user.id,
    name: user.name,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    is_sys_admin: user.isSysAdmin,
    last_login_date: user.lastLoginDate,
    host: state.hostName,
  };
  // DF ≥5.0.1: now + TTL at response time, not the token's exp (misleading on GET, kept that way).
  if (state.era.tokenExpiryDate) session.token_expiry_date = formatDfDate(state.clock.now() + state.ttlSeconds);
  const role = ROLES.find((candidate) => candidate.id === options.roleId);
  const roleShown =
    role !== undefined &&
    (!user.isSysAdmin || state.era.roleForAdmins) &&
    (!options.afterRefresh || state.era.roleAfterRefresh);
  if (roleShown) {
    session.role = role.name;
    session.role_id = role.id;
  }
  return session;
}
