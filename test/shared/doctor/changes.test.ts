import { describe, expect, it } from 'vitest';
import { changesBetween, changeText } from '../../../shared/doctor/changes.ts';
import { environment, facts, session, token } from './doctor-facts.ts';

describe('changesBetween', () => {
  it('nothing changed', () => {
    expect(changesBetween(facts(), facts())).toEqual([]);
  });

  it('forever sessions: was off, now on', () => {
    const changes = changesBetween(facts(environment({ allowForeverSessions: false })), facts(environment()));
    expect(changes.map(changeText)).toEqual(['Forever sessions: was off, now on.']);
    expect(changes[0]?.better).toBe(true);
  });

  it('and back off is not better', () => {
    const [change] = changesBetween(facts(), facts(environment({ allowForeverSessions: false })));
    expect(change).toEqual({ what: 'Forever sessions', was: 'on', now: 'off', better: false });
  });

  it('the web server fixed its rewrite rules', () => {
    const before = facts({ kind: 'web-server-404', status: 404, dreamFactoryBehindIndexPhp: true });
    expect(changesBetween(before, facts()).map(changeText)).toEqual([
      'GET /api/v2/system/environment: was a 404 from the web server, now DreamFactory’s answer.',
    ]);
  });

  it('the token became forever after a new sign-in', () => {
    const before = facts(environment(), session({ token: token({ forever: false }) }));
    const [change] = changesBetween(before, facts());
    expect(change).toEqual({ what: 'This session’s token', was: 'not forever', now: 'forever', better: true });
  });

  it('signed out meanwhile', () => {
    const after = facts(environment(), session({ state: 'signed-out', token: undefined }));
    expect(changesBetween(facts(), after).map(changeText)).toEqual(['This session’s token: was forever, now no token (not signed in).']);
  });

  it('login attribute and version changes; a version that became hidden is no change', () => {
    const after = facts(environment({ loginAttribute: 'username', version: '7.1.0' }));
    expect(changesBetween(facts(), after).map((c) => c.what)).toEqual(['Sign-in attribute', 'Version']);
    expect(changesBetween(facts(), facts(environment({ version: undefined })))).toEqual([]);
  });

  it('no session on either side (a connection test) compares the server only', () => {
    expect(changesBetween(facts(environment(), null), facts(environment({ allowForeverSessions: false }), null))).toHaveLength(1);
  });

  it('from unreachable to not DreamFactory, and from a web page to DreamFactory', () => {
    const unreachable = facts({ kind: 'unreachable', detail: 'Refused.', nextStep: 'Start it.' }, null);
    const webPage = facts({ kind: 'not-dreamfactory', detail: 'A web page.', nextStep: 'Fix the URL.' }, null);
    expect(changesBetween(unreachable, webPage).map(changeText)).toEqual([
      'GET /api/v2/system/environment: was no answer, now an answer that is not DreamFactory’s.',
    ]);
    expect(changesBetween(unreachable, webPage)[0]?.better).toBe(false);
    expect(changesBetween(webPage, facts(environment(), null))[0]?.better).toBe(true);
  });
});
