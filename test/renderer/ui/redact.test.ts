import { describe, expect, it } from 'vitest';
import { isSecretParam, redactForDisplay, redactForStorage } from '../../../renderer/ui/redact.ts';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc_DEF-123';

describe('redaction', () => {
  it('masks session fields and JWT-shaped strings for display, but keeps ordinary data', () => {
    expect(
      redactForDisplay({ session_token: jwt, session_id: jwt, name: 'Ada', list: [`Bearer ${jwt}`], empty: null }),
    ).toEqual({
      session_token: '[hidden by DF Desk]',
      session_id: '[hidden by DF Desk]',
      name: 'Ada',
      list: ['Bearer [hidden by DF Desk]'],
      empty: null,
    });
    expect(redactForDisplay({ password: 'shown: this is data the user asked for' })).toEqual({
      password: 'shown: this is data the user asked for',
    });
  });

  it('masks anything secret-looking before storage', () => {
    expect(redactForStorage({ Password: 'x', api_key: 'k', apiKey: 'k', client_secret: 's', email: 'a@b.c' })).toEqual({
      Password: '[hidden by DF Desk]',
      api_key: '[hidden by DF Desk]',
      apiKey: '[hidden by DF Desk]',
      client_secret: '[hidden by DF Desk]',
      email: 'a@b.c',
    });
    expect(isSecretParam('session_token')).toBe(true);
    expect(isSecretParam('filter')).toBe(false);
  });
});
