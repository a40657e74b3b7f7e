import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../shared/doctor/diagnose.ts';
import type { ServerFacts } from '../../../shared/doctor/facts.ts';
import { environment, facts, NOW_S, session, token } from './doctor-facts.ts';

const off = environment({ allowForeverSessions: false });
const signedOut = session({ state: 'signed-out', token: undefined, nextRefreshAt: undefined, expiresAt: undefined });
const ids = (d: ReturnType<typeof diagnose>) => d.findings.map((f) => f.id);

describe('diagnose: the verdict', () => {
  it.each([
    [{ kind: 'unreachable', detail: 'Connection refused.', nextStep: 'Check the address and your VPN.' }, 'unreachable', 'Check the address and your VPN.'],
    [{ kind: 'not-dreamfactory', detail: 'A web page.', nextStep: 'Enter the root address.' }, 'not-dreamfactory', 'Enter the root address.'],
  ] as const)('%o → %s, explained by the next step', (server, verdict, explanation) => {
    const d = diagnose(facts(server as ServerFacts));
    expect(d.verdict).toBe(verdict);
    expect(d.tone).toBe('bad');
    expect(d.explanation).toBe(explanation);
    expect(d.showInstallSteps).toBe(false);
    expect(d.offerSignInWithRememberMe).toBe(false);
  });

  it.each([true, false, null])('an HTML 404 → rewrite rules (DF behind index.php: %s)', (behind) => {
    const d = diagnose(facts({ kind: 'web-server-404', status: 404, contentType: 'text/html', dreamFactoryBehindIndexPhp: behind }));
    expect(d.verdict).toBe('rewrite-rules');
    expect(d.dreamFactoryBehindIndexPhp).toBe(behind);
    expect(d.explanation).toContain('rewrite rules');
    expect(d.showInstallSteps).toBe(false);
  });

  it.each([
    ['signed in', session({ token: token({ forever: false }) })],
    ['signed out', signedOut],
    ['not saved yet', null],
  ])('forever sessions off (%s) → the install steps', (_name, sessionFacts) => {
    const d = diagnose(facts(off, sessionFacts));
    expect(d.verdict).toBe('forever-off');
    expect(d.tone).toBe('bad');
    expect(d.showInstallSteps).toBe(true);
    expect(d.offerSignInWithRememberMe).toBe(false);
    expect(d.explanation).toContain('ignores Remember me');
  });

  it('forever on, signed out → sign in with Remember me', () => {
    const d = diagnose(facts(environment(), signedOut));
    expect(d.verdict).toBe('forever-on-not-signed-in');
    expect(d.offerSignInWithRememberMe).toBe(true);
    expect(d.showInstallSteps).toBe(false);
  });

  it('forever on, not saved yet → nothing to sign in to', () => {
    const d = diagnose(facts(environment(), null));
    expect(d.verdict).toBe('forever-on-not-signed-in');
    expect(d.offerSignInWithRememberMe).toBe(false);
  });

  it('forever on, a token that is not forever → the mismatch, and a new sign-in with Remember me', () => {
    const d = diagnose(facts(environment(), session({ token: token({ forever: false }) })));
    expect(d.verdict).toBe('forever-on-token-not-forever');
    expect(d.tone).toBe('warn');
    expect(d.explanation).toContain('without Remember me, or before the server allowed forever sessions');
    expect(d.offerSignInWithRememberMe).toBe(true);
  });

  it('forever on, a forever token → working', () => {
    const d = diagnose(facts());
    expect(d.verdict).toBe('forever-working');
    expect(d.tone).toBe('ok');
    expect(d.offerSignInWithRememberMe).toBe(false);
    expect(d.findings).toEqual([]);
  });

  it('a session that ended counts as not signed in', () => {
    expect(diagnose(facts(environment(), session({ state: 'needs-sign-in', token: undefined }))).verdict).toBe('forever-on-not-signed-in');
  });
});

describe('diagnose: findings', () => {
  it('a server clock ahead: says by how much and that DF Desk corrects', () => {
    const d = diagnose(facts(environment(), session({ serverClockOffsetMs: 125_000 })));
    expect(ids(d)).toEqual(['clock-ahead']);
    expect(d.findings[0]?.title).toBe('The server’s clock is about 2 minutes ahead of this computer’s.');
    expect(d.findings[0]?.detail).toContain('lies about 2 minutes in this computer’s future');
    expect(d.findings[0]?.detail).toContain('DF Desk already corrects for it');
  });

  it('a server clock behind', () => {
    const d = diagnose(facts(environment(), session({ serverClockOffsetMs: -30_000 })));
    expect(ids(d)).toEqual(['clock-behind']);
    expect(d.findings[0]?.title).toContain('30 seconds behind');
  });

  it('a token minted in the local future with nothing measured', () => {
    const s = session({ token: token({ issuedAt: NOW_S + 90, notBefore: NOW_S + 90, expires: NOW_S + 3690 }) });
    delete s.serverClockOffsetMs;
    const d = diagnose(facts(environment(), s));
    expect(ids(d)).toEqual(['clock-ahead']);
    expect(d.findings[0]?.detail).not.toContain('measured');
  });

  it('DF 2.5: refresh is broken', () => {
    expect(ids(diagnose(facts(environment({ version: '2.5.0' }), signedOut)))).toEqual(['refresh-broken']);
  });

  it('DF 2.9–2.14 with a session: sleeping past expiry ends it; without one, nothing to say yet', () => {
    expect(ids(diagnose(facts(environment({ version: '2.12.0' }))))).toEqual(['sleep-ends-session']);
    expect(ids(diagnose(facts(environment({ version: '2.12.0' }), signedOut)))).toEqual([]);
  });

  it('a forever token while the server now says off', () => {
    const d = diagnose(facts(off));
    expect(d.verdict).toBe('forever-off');
    expect(ids(d)).toEqual(['forever-token-server-off']);
  });

  it('the era follows the token when the version is hidden', () => {
    const d = diagnose(facts(environment({ version: undefined }), session({ token: token({ legacyClaims: true }) })));
    expect(d.server.find((l) => l.label === 'Session behaviour')?.value).toContain('2.0–2.6');
  });
});

describe('diagnose: never the unsafe advice', () => {
  const every = [
    facts(off),
    facts(environment(), signedOut),
    facts(environment(), session({ token: token({ forever: false }) })),
    facts(),
    facts({ kind: 'web-server-404', status: 404, dreamFactoryBehindIndexPhp: null }),
    facts(environment({ version: '2.5.0' }), session({ serverClockOffsetMs: 60_000 })),
  ];
  it.each(every.map((f, i) => [i, f] as const))('case %i says nothing about switching expiry or certificate checks off', (_i, f) => {
    const text = JSON.stringify(diagnose(f)).toLowerCase();
    for (const unsafe of ['disable', 'comment out', 'verify_peer', 'rejectunauthorized', 'insecure', 'ignore the certificate']) {
      expect(text).not.toContain(unsafe);
    }
  });
});
