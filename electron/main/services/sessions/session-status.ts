/**
 * The renderer's SessionStatus from the session library's status plus what the desk knows around it (who
 * signed in, where the token is kept). Built field by field from an allow-list, so nothing the library adds
 * later (offsets, error details) reaches the renderer by accident.
 */
import type { DfSessionStatus } from '../../../../shared/df/index.ts';
import type { SessionStatus, SessionUser } from '../../../../shared/ipc/contract.ts';

export interface SessionStatusInput {
  instanceId: string;
  /** The client's status; undefined when the instance has no session client. */
  df?: DfSessionStatus;
  user?: SessionUser;
  admin: boolean;
  persistence: SessionStatus['persistence'];
  /**
   * Set when a saved session could not be restored before the client ever held a token (no token in the
   * keychain, keychain unreadable, plain http without consent): the state is then needs-sign-in.
   */
  unavailableReason?: string;
  /** Why the session ended in DF Desk's words, shown instead of the server's when they say more (wake-checks.ts). */
  endedReason?: string;
  /** The last background refresh failure, as the engine timed it; shown while the session is kept. */
  refreshError?: NonNullable<SessionStatus['lastRefreshError']>;
}

export function toSessionStatus(input: SessionStatusInput): SessionStatus {
  const df = input.df;
  let state: SessionStatus['state'] = df?.state ?? 'signed-out';
  if (state === 'signed-out' && input.unavailableReason !== undefined) state = 'needs-sign-in';
  const status: SessionStatus = {
    instanceId: input.instanceId,
    state,
    admin: input.admin,
    forever: state === 'active' || state === 'refreshing' ? (df?.forever ?? false) : false,
    refreshCount: df?.refreshCount ?? 0,
    persistence: input.persistence,
  };
  // The user stays visible while a new sign-in is needed, so the dialog can offer "sign in again as …".
  if (input.user !== undefined && state !== 'signed-out') status.user = { ...input.user };
  if (state === 'active' || state === 'refreshing') {
    if (df?.expiresAt !== undefined) status.expiresAt = df.expiresAt;
    if (df?.refreshWindowEndsAt !== undefined) status.refreshWindowEndsAt = df.refreshWindowEndsAt;
    if (input.refreshError !== undefined) status.lastRefreshError = { ...input.refreshError };
  }
  if (df?.lastRefreshAt !== undefined && state !== 'signed-out') status.lastRefreshAt = df.lastRefreshAt;
  if (state === 'needs-sign-in') {
    const reason = df?.state === 'needs-sign-in' ? (input.endedReason ?? df.endedReason) : input.unavailableReason;
    status.endedReason = reason ?? 'The session has ended. Please sign in again.';
  }
  return status;
}
