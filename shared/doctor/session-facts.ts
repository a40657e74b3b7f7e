/**
 * The doctor's SessionFacts from the session engine's status: times and claims only. The token itself never
 * leaves the engine, so nothing here can carry it.
 */
import type { DfSessionStatus } from '../df/session-types.ts';
import type { DoctorSessionState, SessionFacts } from './facts.ts';

/**
 * `state` is the host's (it knows a saved session that could not be restored); `engine` is null when no
 * signed-in session runs (signed out, or a guest with only the app's key), which has no keep-alive.
 */
export function sessionFactsOf(state: DoctorSessionState, engine: DfSessionStatus | null): SessionFacts {
  const facts: SessionFacts = { state, refreshed: (engine?.refreshCount ?? 0) > 0, keepAlive: engine !== null };
  const times = engine?.token;
  const live = state === 'active' || state === 'refreshing';
  if (engine === null || times === undefined || !live) return facts;
  facts.token = { forever: engine.forever, expires: times.exp, legacyClaims: times.legacyClaims };
  if (times.iat !== undefined) facts.token.issuedAt = times.iat;
  if (times.nbf !== undefined) facts.token.notBefore = times.nbf;
  facts.nextRefreshAt = times.refreshDueAt;
  if (engine.expiresAt !== undefined) facts.expiresAt = engine.expiresAt;
  if (engine.refreshWindowEndsAt !== undefined) facts.refreshWindowEndsAt = engine.refreshWindowEndsAt;
  if (engine.serverClockOffsetMs !== undefined) facts.serverClockOffsetMs = engine.serverClockOffsetMs;
  return facts;
}
