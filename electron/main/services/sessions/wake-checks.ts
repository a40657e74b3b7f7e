/**
 * Every signed-in session checked at once (in parallel) after the computer wakes, the screen unlocks or the
 * network comes back, and before the computer sleeps (power-events.ts). A check refreshes a session that is
 * due, joining any refresh already in flight (its keep-alive firing late, "Refresh now"), so it costs at most
 * one PUT per session; a session not due gets its keep-alive timer re-armed, since a sleep leaves it late.
 * Status changes reach the renderer as session.changed, as every refresh's do.
 */
import type { DfSessionStatus } from '../../../../shared/df/index.ts';
import { systemClock } from '../../../../shared/df/index.ts';
import type { Clock, Logger } from '../../ports.ts';
import type { PublishedSessions } from './published-sessions.ts';
import type { InstanceSession } from './instance-session.ts';

/** What prompted a check: a powerMonitor event, or the network coming back. */
export type CheckTrigger = 'suspend' | 'resume' | 'unlock-screen' | 'network-back';

export type SessionCheckOutcome = 'unchanged' | 'refreshed' | 'refresh-failed' | 'ended';

export interface SessionCheck {
  instanceId: string;
  outcome: SessionCheckOutcome;
}

export interface WakeCheckDeps {
  sessions: Pick<PublishedSessions, 'signedIn'>;
  logger: Logger;
  clock?: Clock | undefined;
}

/**
 * The reason shown when a token that had already expired could not be renewed. DF 2.9–2.14 answer such a
 * refresh with "Token has expired: … Please refresh your token", which reads as if DF Desk should have.
 */
export const expiredWhileAwayReason =
  'The session expired while this computer was asleep or offline, and the server would not renew the expired token (DreamFactory 2.9 to 2.14 cannot renew one at all; later versions only within their refresh window). Please sign in again.';

async function checkOne(session: InstanceSession, horizonMs: number, clock: Clock): Promise<SessionCheckOutcome> {
  const before = session.client.status();
  if (before.state !== 'active' && before.state !== 'refreshing') return 'unchanged';
  const checkedAt = clock.now();
  const expired = before.expiresAt !== undefined && checkedAt >= before.expiresAt;
  // Set before the check, so the ending's own session.changed already carries it; dropped unless it ended.
  if (expired) session.endedReason = expiredWhileAwayReason;
  let after: DfSessionStatus | undefined;
  try {
    after = await session.client.checkNow(horizonMs);
  } finally {
    if (expired && after?.state !== 'needs-sign-in') session.endedReason = undefined;
  }
  if (after.state === 'needs-sign-in') return 'ended';
  if (after.refreshCount > before.refreshCount) return 'refreshed';
  const failedAt = after.lastError?.at;
  return failedAt !== undefined && failedAt >= checkedAt ? 'refresh-failed' : 'unchanged';
}

/**
 * Checks every signed-in session: refreshes those due, or (with `horizonMs`, before a sleep) expiring within
 * it. Never rejects; resolves once every check is over, with each outcome.
 */
export async function checkSessions(deps: WakeCheckDeps, trigger: CheckTrigger, horizonMs = 0): Promise<SessionCheck[]> {
  const clock = deps.clock ?? systemClock;
  const checks = deps.sessions.signedIn().map(async (session): Promise<SessionCheck> => {
    const { instanceId } = session;
    let outcome: SessionCheckOutcome;
    try {
      outcome = await checkOne(session, horizonMs, clock);
    } catch (error) {
      // checkNow() never rejects; this is a store or listener failure, and the next check tries again.
      deps.logger.warn('A session check failed.', { instanceId, trigger, error });
      outcome = 'refresh-failed';
    }
    return { instanceId, outcome };
  });
  const results = await Promise.all(checks);
  const count = (outcome: SessionCheckOutcome) => results.filter((check) => check.outcome === outcome).length;
  deps.logger.info('Checked the sessions.', {
    trigger,
    horizonMs,
    sessions: results.length,
    refreshed: count('refreshed'),
    failed: count('refresh-failed'),
    ended: count('ended'),
  });
  return results;
}
