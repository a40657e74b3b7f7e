import type { SessionStatus } from '../../../shared/ipc/contract.ts';
import type { ViewMemory } from '../../state/viewMemory.ts';

/**
 * Who signed in last on each instance, so a new sign-in (the in-place one after a session ended, or after a
 * sign-out) starts filled in. Kept in the window's view memory; after a restart the main process's status still
 * names the user (status.user, status.admin) while a new sign-in is needed.
 */
export interface LastLogin {
  login: string;
  admin: boolean;
}

const key = 'sign-in.last';

export function rememberLogin(memory: ViewMemory, instanceId: string, login: LastLogin): void {
  memory.set(instanceId, key, login);
}

/**
 * The login and audience to offer: the one typed last here, else the user of the session that needs a new
 * sign-in (its email, when the server signs in by email). Empty and "Regular user" for a first sign-in.
 */
export function suggestedLogin(
  memory: ViewMemory,
  instanceId: string,
  status: SessionStatus | undefined,
  attribute: 'email' | 'username',
): LastLogin {
  const remembered = memory.get<LastLogin>(instanceId, key);
  // The main process keeps the user of an ended session, and whether it signed in as an admin.
  const known = status !== undefined && status.state !== 'signed-out' ? status : undefined;
  const email = attribute === 'email' ? (known?.user?.email ?? '') : '';
  return {
    login: remembered?.login ?? email,
    admin: remembered?.admin ?? (known?.user !== undefined && known.admin),
  };
}
