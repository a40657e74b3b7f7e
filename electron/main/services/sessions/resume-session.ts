/**
 * Adopting a saved session at launch: a still-valid token costs no request, an expired one inside its window
 * costs one PUT, anything else leaves the session needing a sign-in, with the reason in plain words.
 */
import type { VaultHealth } from '../../../../shared/ipc/contract.ts';
import type { Logger } from '../../ports.ts';
import { toDeskError } from '../requests/to-desk-error.ts';
import type { InstanceSession } from './instance-session.ts';

function missingTokenReason(health: VaultHealth): string {
  if (health.mode !== 'keychain') {
    const why = health.reason === undefined ? '' : ` ${health.reason}`;
    return `DF Desk could not use the system keychain, so the session was not kept after the restart.${why} Please sign in again.`;
  }
  return 'The saved session was not found in the keychain. Please sign in again.';
}

/** Never rejects: a session that cannot be resumed says why through its status. */
export async function resumeSession(session: InstanceSession, health: () => VaultHealth, logger: Logger): Promise<void> {
  try {
    const status = await session.client.resume();
    if (status.state === 'signed-out') session.unavailableReason = missingTokenReason(health());
  } catch (error) {
    session.unavailableReason = `The saved session could not be read. ${toDeskError(error, logger).message}`;
    logger.warn('A saved session could not be restored.', { instanceId: session.instanceId, error });
  }
}
