import { describe, expect, it } from 'vitest';
import { eraOf } from '../../../shared/doctor/era.ts';
import { deskLines, serverLines, tokenLifetimeSeconds, tokenLines } from '../../../shared/doctor/lines.ts';
import { environment, NOW, NOW_S, session, token } from './doctor-facts.ts';

const latest = eraOf('7.0.0', undefined);
const lineValue = (lines: { label: string; value: string }[], label: string) => lines.find((l) => l.label.startsWith(label))?.value;

describe('serverLines', () => {
  it('names the two settings and the version', () => {
    const lines = serverLines(environment({ allowForeverSessions: false, loginAttribute: 'username' }), latest);
    expect(lines.map((l) => [l.label, l.value, l.tone])).toEqual([
      ['Forever sessions (allow_forever_sessions)', 'Off', 'bad'],
      ['Sign-in attribute (login_attribute)', 'username', 'info'],
      ['Version', '7.0.0', 'info'],
      ['Session behaviour', 'DreamFactory 7.0.0 (3.0 or later)', 'info'],
    ]);
  });

  it('says when the version is hidden', () => {
    expect(lineValue(serverLines(environment({ version: undefined }), eraOf(undefined, undefined)), 'Version')).toBe('Not shown to DF Desk');
  });

  it('a web-server 404 shows its status and media type', () => {
    const lines = serverLines({ kind: 'web-server-404', status: 404, contentType: 'text/html; charset=utf-8', dreamFactoryBehindIndexPhp: true }, latest);
    expect(lines[0]?.value).toBe('HTTP 404 from the web server (text/html), not from DreamFactory');
  });

  it('unreachable and not-DF show their detail', () => {
    expect(serverLines({ kind: 'unreachable', detail: 'Connection refused.', nextStep: 'x' }, latest)[0]?.value).toBe('Connection refused.');
    expect(serverLines({ kind: 'not-dreamfactory', detail: 'A web page.', nextStep: 'x' }, latest)[0]?.value).toBe('A web page.');
  });
});

describe('tokenLifetimeSeconds', () => {
  it('is exp − nbf', () => {
    expect(tokenLifetimeSeconds(token({ notBefore: 1000, issuedAt: 500, expires: 4600 }), true)).toBe(3600);
  });
  it('falls back to iat while it is the token’s own', () => {
    expect(tokenLifetimeSeconds(token({ notBefore: undefined, issuedAt: 1000, expires: 4600, forever: false }), false)).toBe(3600);
    expect(tokenLifetimeSeconds(token({ notBefore: undefined, issuedAt: 1000, expires: 4600, forever: true }), true)).toBe(3600);
  });
  it('is unknown after a non-forever refresh without nbf (iat is the login’s)', () => {
    expect(tokenLifetimeSeconds(token({ notBefore: undefined, issuedAt: 1000, expires: 9000, forever: false }), true)).toBeUndefined();
  });
  it('is unknown for nonsense times', () => {
    expect(tokenLifetimeSeconds(token({ notBefore: 5000, expires: 4000 }), false)).toBeUndefined();
  });
});

describe('tokenLines', () => {
  it('before saving and before sign-in it says when the token is read', () => {
    expect(tokenLines(null, NOW)[0]?.value).toContain('Save the instance and sign in');
    expect(tokenLines(session({ state: 'signed-out', token: undefined }), NOW)[0]?.value).toContain('Not signed in');
  });

  it('shows forever, the lifetime as DF_JWT_TTL and the expiry', () => {
    const lines = tokenLines(session({ token: token({ notBefore: NOW_S - 600, expires: NOW_S + 3000 }) }), NOW);
    expect(lineValue(lines, 'Forever')).toBe('Yes');
    expect(lineValue(lines, 'Lifetime')).toBe('60 minutes (DF_JWT_TTL=60)');
    expect(lines.find((l) => l.label === 'Expires')).toEqual({ label: 'Expires', value: 'in 50 minutes', tone: 'info', at: NOW + 3_000_000 });
  });

  it('a token that is not forever is marked bad', () => {
    expect(tokenLines(session({ token: token({ forever: false }) }), NOW)[0]).toMatchObject({ value: 'No', tone: 'bad' });
  });
});

describe('deskLines', () => {
  it('not signed in: nothing to refresh yet', () => {
    expect(deskLines(null, latest, NOW)[0]?.value).toBe('Nothing to refresh until you sign in.');
  });

  it('the next refresh, with keep-alive', () => {
    const lines = deskLines(session(), latest, NOW);
    expect(lines[0]).toEqual({ label: 'Next refresh', value: 'in 49 minutes, even while idle (keep-alive)', tone: 'info', at: NOW + 2_940_000 });
  });

  it('without keep-alive (a guest-less restore) the refresh waits for a request', () => {
    expect(deskLines(session({ keepAlive: false }), latest, NOW)[0]?.value).toContain('at the next request');
  });

  it.each([
    ['2.10.0', 'Needed', 'warn'],
    ['2.5.0', 'Does not help', 'bad'],
    ['7.0.0', 'Not needed', 'info'],
    [undefined, 'On: the version is not shown', 'info'],
  ] as const)('keep-alive on %s: %s', (version, start, tone) => {
    const line = deskLines(session(), eraOf(version, undefined), NOW).find((l) => l.label.startsWith('Keep-alive'));
    expect(line?.value.startsWith(start)).toBe(true);
    expect(line?.tone).toBe(tone);
  });

  it('what ends a forever session: a whole window without refresh; the refresh TTL is unreadable', () => {
    const ends = deskLines(session(), latest, NOW)[2];
    expect(ends?.value).toContain('whole refresh window without a refresh');
    expect(ends?.value).toContain('cannot read it from outside');
    expect(ends?.tone).toBe('ok');
  });

  it('on DF 2.0–2.4 a forever token outlives its window', () => {
    expect(deskLines(session(), eraOf('2.3.0', undefined), NOW)[2]?.value).toContain('re-issue forever tokens');
  });

  it('a session that is not forever ends with its window, at the estimated time', () => {
    const ends = deskLines(session({ token: token({ forever: false }) }), latest, NOW)[2];
    expect(ends?.value).toContain('when the refresh window ends, in 14 days (estimate)');
    expect(ends?.at).toBe(NOW + 14 * 86_400_000 - 600_000);
    expect(ends?.tone).toBe('warn');
    const unknownEnd = deskLines(session({ token: token({ forever: false }), refreshWindowEndsAt: undefined }), latest, NOW)[2];
    expect(unknownEnd?.value).toContain('at the end of the refresh window');
  });

describe('lines: what cannot be read', () => {
  it('a lifetime the token cannot tell, and a refresh time not planned yet', () => {
    const unreadable = session({ token: token({ forever: false, notBefore: undefined }), refreshed: true, nextRefreshAt: undefined });
    expect(tokenLines(unreadable, NOW)[1]?.value).toBe('Not readable from this token');
    expect(deskLines(unreadable, latest, NOW)[0]?.value).toBe('Before the token expires, even while idle (keep-alive)');
  });
});
});
