import { describe, expect, it } from 'vitest';
import {
  containsJwt,
  isSecretKey,
  isTokenKey,
  mayHoldSecret,
  REDACTED,
  TOO_DEEP,
  redactData,
  redactDataText,
  redactText,
  redactValue,
  secretVariants,
} from '../../shared/secrets.ts';
import { findSecrets } from '../electron/main/services/fixtures/secret-walk.ts';

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiZXhwIjoxOTk5OTk5OTk5fQ.c2lnbmF0dXJlLXBhcnQtZm9yLXRlc3Rz';

describe('redactText', () => {
  const table: Array<[string, string, string]> = [
    ['a JWT in a sentence', `refreshed ${jwt} ok`, `refreshed ${REDACTED} ok`],
    ['an unsigned JWT (alg none)', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', `${REDACTED}`],
    ['a header line', 'X-DreamFactory-Session-Token: abc.def', `X-DreamFactory-Session-Token: ${REDACTED}`],
    ['an API key header, any case', 'x-dreamfactory-api-key=36fda24fe5588fa4285ac6c6c2fdfbdb6b6bc9834699774c9bf777f706d05a88', `x-dreamfactory-api-key=${REDACTED}`],
    ['a bare DF API key', 'key 36fda24fe5588fa4285ac6c6c2fdfbdb6b6bc9834699774c9bf777f706d05a88 set', `key ${REDACTED} set`],
    ['a query string', 'GET /api/v2/db?api_key=abc123&limit=5', `GET /api/v2/db?api_key=${REDACTED}&limit=5`],
    ['JSON text', '{"session_token":"abc","name":"x"}', `{"session_token":"${REDACTED}","name":"x"}`],
    ['a bearer credential', 'Authorization: Bearer abc.def-ghi', `Authorization: Bearer ${REDACTED}`],
    ['basic credentials', 'Basic dXNlcjpwYXNzd29yZA==', `Basic ${REDACTED}`],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => expect(redactText(input)).toBe(expected));
  }

  it('leaves ordinary text alone', () => {
    const text = 'a basic check of https://df.example.com/api/v2/system (took 12 ms)';
    expect(redactText(text)).toBe(text);
  });
});

describe('containsJwt / isSecretKey', () => {
  it('detects JWTs repeatedly (no sticky regex state)', () => {
    expect(containsJwt(jwt)).toBe(true);
    expect(containsJwt(jwt)).toBe(true);
    expect(containsJwt('eyJ-not-a-token')).toBe(false);
  });

  it('matches secret key names in any spelling', () => {
    for (const key of ['token', 'session_token', 'sessionToken', 'password', 'api_key', 'apiKey', 'API-Key', 'Authorization', 'X-DreamFactory-Session-Token']) {
      expect(isSecretKey(key)).toBe(true);
    }
    for (const key of ['hasApiKey', 'tokenExpiresAt', 'login', 'name']) expect(isSecretKey(key)).toBe(false);
  });
});

describe('mayHoldSecret / isTokenKey', () => {
  it('hides, before storing, whatever a user typed under any secret-ish name', () => {
    for (const key of [
      'x-api-key',
      'passcode',
      'passphrase',
      'secret_key',
      'password_confirmation',
      'token_value',
      'my_api_key',
      'aws_secret_access_key',
      'authorization_code',
      'credentials_json',
      'tokens',
      'Password',
      'session_id',
    ]) {
      expect(mayHoldSecret(key), key).toBe(true);
    }
    for (const key of ['filter', 'limit', 'name', 'email', 'fields']) expect(mayHoldSecret(key), key).toBe(false);
  });

  it('hides, when showing an answer, only fields that hold a token', () => {
    for (const key of ['session_token', 'session_id', 'token', 'access_token', 'refresh_token', 'id_token', 'JWT']) {
      expect(isTokenKey(key), key).toBe(true);
    }
    for (const key of ['device_token', 'token_count', 'password', 'name']) expect(isTokenKey(key), key).toBe(false);
  });
});

describe('redactValue', () => {
  it('redacts by key at any depth and by shape in any string', () => {
    const input = {
      user: { email: 'a@b.c', password: 'hunter2' },
      headers: { 'X-DreamFactory-API-Key': 'k1', 'Content-Type': 'application/json' },
      list: [{ apiKey: 'k2' }, `token ${jwt}`],
      session_token: jwt,
      count: 3,
      ok: true,
    };
    expect(redactValue(input)).toEqual({
      user: { email: 'a@b.c', password: `${REDACTED}` },
      headers: { 'X-DreamFactory-API-Key': `${REDACTED}`, 'Content-Type': 'application/json' },
      list: [{ apiKey: `${REDACTED}` }, `token ${REDACTED}`],
      session_token: `${REDACTED}`,
      count: 3,
      ok: true,
    });
  });

  it('survives cycles, BigInt, functions and Errors', () => {
    const cyclic: Record<string, unknown> = { n: 1n, f: () => 1 };
    cyclic.self = cyclic;
    const out = redactValue({ cyclic, error: new Error(`bad token ${jwt}`) });
    expect(out).toEqual({
      cyclic: { n: '1', f: undefined, self: '[circular]' },
      error: { name: 'Error', message: `bad token ${REDACTED}` },
    });
  });
});

const dataJwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxOTk5OTk5OTk5fQ.c2lnbmF0dXJl';
const apiKey = '6498a8ad1beb9d84d63035c5d1120c007fad6de706734db9689f8996707e0f7d';

describe('redactData (DF answers shown to the user)', () => {
  it("replaces DF's session_token and session_id (any case), keeps every other field", () => {
    const session = {
      session_token: dataJwt,
      session_id: dataJwt,
      SESSION_TOKEN: 'not-a-jwt-but-still-hidden',
      id: 5,
      name: 'Jane Doe',
      email: 'jane@example.com',
      is_sys_admin: false,
      role: null,
    };
    expect(redactData(session, { secrets: [] })).toEqual({
      session_token: REDACTED,
      session_id: REDACTED,
      SESSION_TOKEN: REDACTED,
      id: 5,
      name: 'Jane Doe',
      email: 'jane@example.com',
      is_sys_admin: false,
      role: null,
    });
  });

  it('hides JWT-shaped text and the given secrets at any depth, in values and keys', () => {
    const answer = {
      resource: [{ note: `token was ${dataJwt}!`, nested: [[{ key: apiKey }]] }],
      [`k-${apiKey}`]: 1,
      text: `Bearer ${dataJwt} and ${apiKey}`,
    };
    const scrubbed = redactData(answer, { secrets: [apiKey, null, undefined] });
    expect(findSecrets(scrubbed, [apiKey])).toEqual([]);
    expect(scrubbed).toEqual({
      resource: [{ note: `token was ${REDACTED}!`, nested: [[{ key: REDACTED }]] }],
      [`k-${REDACTED}`]: 1,
      text: `Bearer ${REDACTED} and ${REDACTED}`,
    });
  });

  it('leaves an empty or null session_token alone (nothing to hide) and plain strings untouched', () => {
    expect(redactData({ session_token: null, session_id: '' }, { secrets: [] })).toEqual({ session_token: null, session_id: '' });
    expect(redactData('<html>hello</html>', { secrets: [apiKey] })).toBe('<html>hello</html>');
    expect(redactData([1, true, null], { secrets: [] })).toEqual([1, true, null]);
  });

  it('ignores secrets too short to be credentials (they would mangle every answer)', () => {
    expect(redactData({ a: 'abc def' }, { secrets: ['a', 'ab'] })).toEqual({ a: 'abc def' });
  });

  it('keeps answers nested far deeper than DF ever nests, and marks where it stopped walking', () => {
    let deep: unknown = { leaf: 'x' };
    for (let i = 0; i < 70; i++) deep = { next: deep };
    expect(redactData(deep)).toEqual(deep);
    let absurd: unknown = 'bottom';
    for (let i = 0; i < 300; i++) absurd = [absurd];
    expect(JSON.stringify(redactData(absurd))).toContain(TOO_DEEP);
  });

  it('hides a known secret in every form a server may quote it in (URL-, HTML-, JSON-encoded)', () => {
    const key = 'k-Live_0123!&co "x"/y';
    const quoted = secretVariants(key).map((form) => `key=${form};`);
    expect(quoted.length).toBeGreaterThan(5);
    const shown = redactData({ quoted, note: `echo ${encodeURIComponent(key)} and ${key.replace(/&/g, '&amp;')}` }, { secrets: [key] });
    const text = JSON.stringify(shown);
    for (const form of secretVariants(key)) expect(text, form).not.toContain(form);
    expect(redactText(`refused ${encodeURIComponent(key)}`, [key])).toBe(`refused ${REDACTED}`);
  });

  it('redactDataText works on bare text', () => {
    expect(redactDataText(`x ${dataJwt} y ${apiKey}`, [apiKey])).toBe(`x ${REDACTED} y ${REDACTED}`);
  });
});
