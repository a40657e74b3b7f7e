// DoctorFacts for the renderer's doctor tests.
import type { DoctorFacts, ServerFacts, SessionFacts } from '../../../../shared/doctor/facts.ts';

export const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

export function serverFacts(allowForeverSessions: boolean): ServerFacts {
  return { kind: 'environment', allowForeverSessions, loginAttribute: 'email', version: '7.0.0' };
}

export function signedInSession(forever: boolean): SessionFacts {
  const iat = T0 / 1000;
  return {
    state: 'active',
    token: { forever, issuedAt: iat, notBefore: iat, expires: iat + 3600, legacyClaims: false },
    nextRefreshAt: T0 + 3_540_000,
    expiresAt: T0 + 3_600_000,
    refreshWindowEndsAt: T0 + 14 * 86_400_000,
    serverClockOffsetMs: 500,
    refreshed: false,
    keepAlive: true,
  };
}

export function doctorFacts(server: ServerFacts, session: SessionFacts | null): DoctorFacts {
  return { checkedAt: T0, url: 'http://127.0.0.1:8080', server, session };
}
