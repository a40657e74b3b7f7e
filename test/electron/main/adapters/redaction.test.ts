import { describe, expect, it } from 'vitest';
import { containsJwt, isSecretKey, redactText, redactValue } from '../../../../electron/main/adapters/redaction.ts';

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiZXhwIjoxOTk5OTk5OTk5fQ.c2lnbmF0dXJlLXBhcnQtZm9yLXRlc3Rz';

describe('redactText', () => {
  const table: Array<[string, string, string]> = [
    ['a JWT in a sentence', `refreshed ${jwt} ok`, 'refreshed [redacted-jwt] ok'],
    ['an unsigned JWT (alg none)', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', '[redacted-jwt]'],
    ['a header line', 'X-DreamFactory-Session-Token: abc.def', 'X-DreamFactory-Session-Token: [redacted]'],
    ['an API key header, any case', 'x-dreamfactory-api-key=36fda24fe5588fa4285ac6c6c2fdfbdb6b6bc9834699774c9bf777f706d05a88', 'x-dreamfactory-api-key=[redacted]'],
    ['a bare DF API key', 'key 36fda24fe5588fa4285ac6c6c2fdfbdb6b6bc9834699774c9bf777f706d05a88 set', 'key [redacted-key] set'],
    ['a query string', 'GET /api/v2/db?api_key=abc123&limit=5', 'GET /api/v2/db?api_key=[redacted]&limit=5'],
    ['JSON text', '{"session_token":"abc","name":"x"}', '{"session_token":"[redacted]","name":"x"}'],
    ['a bearer credential', 'Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [redacted]'],
    ['basic credentials', 'Basic dXNlcjpwYXNzd29yZA==', 'Basic [redacted]'],
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
      user: { email: 'a@b.c', password: '[redacted]' },
      headers: { 'X-DreamFactory-API-Key': '[redacted]', 'Content-Type': 'application/json' },
      list: [{ apiKey: '[redacted]' }, 'token [redacted-jwt]'],
      session_token: '[redacted]',
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
      error: { name: 'Error', message: 'bad token [redacted-jwt]' },
    });
  });
});
