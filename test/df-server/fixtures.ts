// Seeded identities: users, apps (API keys) and roles, shaped like DF's system tables.
import type { DfServerUser } from './types.ts';

export const DEFAULT_API_KEY = 'test-api-key';
/** API key of a second app that has no default role (walks the "app has no role" rows of §4). */
export const NO_ROLE_API_KEY = 'no-role-api-key';
/** API key of a third app whose default role may call `db`: guest access with the key alone (§10). */
export const GUEST_ACCESS_API_KEY = 'guest-access-api-key';
export const DEFAULT_JWT_SECRET = 'df-test-server-jwt-secret';

export const DEFAULT_USERS: readonly DfServerUser[] = Object.freeze([
  { email: 'jane@example.com', password: 'jane-password', username: 'jane', name: 'Jane Doe' },
  { email: 'admin@example.com', password: 'admin-password', username: 'admin', name: 'Admin User', admin: true },
]);

export interface UserRecord {
  id: number;
  email: string;
  username: string;
  password: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  isSysAdmin: boolean;
  isActive: boolean;
  lastLoginDate: string | null;
}

export interface RoleRecord {
  id: number;
  name: string;
  /** Services the role may call ('*' component); DF's role_service_access reduced to what tests need. */
  services: readonly string[];
  /** The verbs it may use on them; every verb when left out. */
  verbs?: readonly string[];
}

export interface AppRecord {
  id: number;
  name: string;
  apiKey: string;
  defaultRoleId: number | null;
}

/** The default app's default role: GET on `db` with the API key alone, as a real DF app with a default role. */
export const GUEST_ROLE_ID = 1;
/** The default app's default role with `guestRole: false`: it reaches nothing, so the key alone is refused. */
export const NO_ACCESS_ROLE_ID = 4;

export const ROLES: readonly RoleRecord[] = [
  { id: GUEST_ROLE_ID, name: 'guest', services: ['db'], verbs: ['GET'] },
  { id: 2, name: 'mobile_user', services: ['db'] },
  { id: 3, name: 'public_reader', services: ['db'] },
  { id: NO_ACCESS_ROLE_ID, name: 'no_access', services: [] },
];

/** May `roleId` call `service` with `method` (any verb when the method is left out: "does it reach it at all")? */
export function roleAllows(roleId: number | null, service: string, method?: string): boolean {
  const role = ROLES.find((candidate) => candidate.id === roleId);
  if (role === undefined || !role.services.includes(service)) return false;
  return method === undefined || role.verbs === undefined || role.verbs.includes(method);
}

/** `guestRole`: whether the default app's default role may read `db` (guest access, DF's default behaviour). */
export function makeApps(apiKey: string, guestRole = true): AppRecord[] {
  return [
    { id: 1, name: 'df-desk', apiKey, defaultRoleId: guestRole ? GUEST_ROLE_ID : NO_ACCESS_ROLE_ID },
    { id: 2, name: 'no-role-app', apiKey: NO_ROLE_API_KEY, defaultRoleId: null },
    { id: 3, name: 'guest-access-app', apiKey: GUEST_ACCESS_API_KEY, defaultRoleId: 3 },
  ];
}

/** user_to_app_to_role: every non-admin user gets mobile_user on the main app. */
export function userRoleForApp(user: UserRecord, app: AppRecord): number | null {
  if (!user.isSysAdmin && app.id === 1) return 2;
  return app.defaultRoleId;
}

export function makeUserRecords(users: readonly DfServerUser[]): UserRecord[] {
  return users.map((user, index) => {
    const name = user.name ?? user.email.split('@')[0] ?? user.email;
    const [first, ...rest] = name.split(' ');
    return {
      id: index + 1,
      email: user.email,
      username: user.username ?? user.email.split('@')[0] ?? user.email,
      password: user.password,
      name,
      firstName: first ?? null,
      lastName: rest.length > 0 ? rest.join(' ') : null,
      isSysAdmin: user.admin === true,
      isActive: user.active !== false,
      lastLoginDate: null,
    };
  });
}
