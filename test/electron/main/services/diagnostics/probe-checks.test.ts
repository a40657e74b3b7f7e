import { describe, expect, it } from 'vitest';
import {
  authMethodLabels,
  check,
  checkLabels,
  checkOrder,
  foreverCheck,
  loginAttributeCheck,
  notChecked,
  versionCheck,
} from '../../../../../electron/main/services/diagnostics/probe-checks.ts';
import type { DfEnvironment } from '../../../../../shared/df/index.ts';

const env: DfEnvironment = {
  allowForeverSessions: false,
  loginAttribute: 'email',
  authMethods: {
    admin: true,
    user: true,
    openRegistration: true,
    oauth: [{ name: 'gh', label: 'GitHub' }],
    ldap: [{ name: 'ad', label: 'Corp AD' }],
    saml: [{ name: 'sso', label: 'Okta' }],
  },
};

describe('probe checks', () => {
  it('every id has a label and a place in the order', () => {
    expect(new Set(checkOrder)).toEqual(new Set(Object.keys(checkLabels)));
  });

  it('check / notChecked', () => {
    expect(check('reachable', true, 'ok')).toEqual({ id: 'reachable', ok: true, label: 'Server reachable', detail: 'ok' });
    expect(check('api-key', false, 'bad', 'fix it').nextStep).toBe('fix it');
    expect(notChecked('version', 'down.')).toEqual({ id: 'version', ok: null, label: 'DreamFactory version', detail: 'Not checked: down.' });
  });

  it('version: shown when DF tells it, explained when not', () => {
    expect(versionCheck({ ...env, version: '7.7.0' })).toMatchObject({ ok: true, detail: 'DreamFactory 7.7.0.' });
    expect(versionCheck(env)).toMatchObject({ ok: null, detail: expect.stringMatching(/signed-in users/) });
  });

  it('forever sessions and login attribute', () => {
    expect(foreverCheck(env)).toMatchObject({ ok: false, nextStep: expect.stringMatching(/DF_ALLOW_FOREVER_SESSIONS=true/) });
    expect(foreverCheck({ ...env, allowForeverSessions: true })).toMatchObject({ ok: true });
    expect(loginAttributeCheck(env).detail).toMatch(/email/);
    expect(loginAttributeCheck({ ...env, loginAttribute: 'username' }).detail).toMatch(/username/);
  });

  it('auth methods as labels', () => {
    expect(authMethodLabels(env)).toEqual([
      'User sign-in',
      'Admin sign-in',
      'OAuth: GitHub',
      'LDAP: Corp AD',
      'SAML: Okta',
      'Open registration',
    ]);
  });
});
