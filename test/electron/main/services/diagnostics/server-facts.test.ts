import { describe, expect, it } from 'vitest';
import type { DfEnvironment } from '../../../../../shared/df/index.ts';
import { environmentFacts, failureFacts, isWebServer404, webServer404Check } from '../../../../../electron/main/services/diagnostics/server-facts.ts';

const failure = { reachable: true, detail: 'Not found (HTTP 404, text/html).', nextStep: 'Enter the root address.' };

describe('isWebServer404', () => {
  it.each([
    [{ status: 404, contentType: 'text/html', body: '<h1>404</h1>' }, true],
    [{ status: 404, body: 'Not Found' }, true],
    [{ status: 404, contentType: 'application/json', body: { error: { message: 'No route.' } } }, false],
    [{ status: 404, contentType: 'application/problem+json', body: { title: 'x' } }, false],
    [{ status: 404, contentType: 'text/html', body: '{"error":{"message":"Route not found."}}' }, false],
    [{ status: 403, contentType: 'text/html', body: '<h1>403</h1>' }, false],
    [undefined, false],
  ])('%o → %s', (last, expected) => {
    expect(isWebServer404(last)).toBe(expected);
  });
});

describe('failureFacts', () => {
  it('unreachable keeps the transport words', () => {
    expect(failureFacts({ reachable: false, detail: 'Refused.', nextStep: 'Start it.' }, undefined, null)).toEqual({
      kind: 'unreachable',
      detail: 'Refused.',
      nextStep: 'Start it.',
    });
  });
  it('a web-server 404 carries the media type without parameters', () => {
    expect(failureFacts(failure, { status: 404, contentType: 'text/html; charset=UTF-8', body: '' }, null)).toEqual({
      kind: 'web-server-404',
      status: 404,
      contentType: 'text/html',
      dreamFactoryBehindIndexPhp: null,
    });
  });
  it('anything else that answered is not DreamFactory', () => {
    expect(failureFacts(failure, { status: 200, contentType: 'text/html', body: '<html>' }, null).kind).toBe('not-dreamfactory');
  });
});

describe('webServer404Check', () => {
  it('DF behind index.php: the rewrite rules are named as the cause', () => {
    const check = webServer404Check(failure, true);
    expect(check.detail).toContain('rewrite rules are missing');
    expect(check.nextStep).toContain('try_files');
  });
  it.each([false, null])('not confirmed (%s): the URL advice stays first, the rules are a maybe', (behind) => {
    const check = webServer404Check(failure, behind);
    expect(check.detail).toBe(failure.detail);
    expect(check.nextStep.startsWith('Enter the root address.')).toBe(true);
    expect(check.nextStep).toContain('may lack the rewrite rules');
  });

describe('environmentFacts', () => {
  it('keeps the version only when DF showed it', () => {
    const authMethods = { admin: true, user: true, openRegistration: false, oauth: [], ldap: [], saml: [] };
    const env: DfEnvironment = { allowForeverSessions: true, loginAttribute: 'username', authMethods };
    expect(environmentFacts({ ...env, version: '7.0.0' })).toEqual({
      kind: 'environment',
      allowForeverSessions: true,
      loginAttribute: 'username',
      version: '7.0.0',
    });
    expect(environmentFacts(env)).not.toHaveProperty('version');
  });
});
});
