// Builders of DoctorFacts for the doctor's unit tests: one field changed per test, the rest realistic.
import type { DoctorFacts, ServerFacts, SessionFacts, TokenReading } from '../../../shared/doctor/facts.ts';

export const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
export const NOW_S = NOW / 1000;

export function environment(patch: Partial<Extract<ServerFacts, { kind: 'environment' }>> = {}): ServerFacts {
  return { kind: 'environment', allowForeverSessions: true, loginAttribute: 'email', version: '7.0.0', ...patch };
}

export function token(patch: Partial<TokenReading> = {}): TokenReading {
  return { forever: true, issuedAt: NOW_S - 600, notBefore: NOW_S - 600, expires: NOW_S + 3000, legacyClaims: false, ...patch };
}

export function session(patch: Partial<SessionFacts> = {}): SessionFacts {
  return {
    state: 'active',
    token: token(),
    nextRefreshAt: NOW + 2_940_000,
    expiresAt: NOW + 3_000_000,
    refreshWindowEndsAt: NOW + 14 * 86_400_000 - 600_000,
    serverClockOffsetMs: 400,
    refreshed: false,
    keepAlive: true,
    ...patch,
  };
}

export function facts(server: ServerFacts = environment(), sessionFacts: SessionFacts | null = session()): DoctorFacts {
  return { checkedAt: NOW, url: 'https://df.example.com', server, session: sessionFacts };
}
