import { describe, expect, it } from 'vitest';
import { normalizeInstanceUrl, sessionPath } from '../../../shared/df/protocol.ts';
import { readErrorEnvelope, readSessionWire } from '../../../shared/df/wire.ts';

describe('normalizeInstanceUrl', () => {
  it.each([
    ['https://df.example.com', 'https://df.example.com'],
    ['https://df.example.com/', 'https://df.example.com'],
    ['  https://df.example.com///  ', 'https://df.example.com'],
    ['https://df.example.com/api/v2', 'https://df.example.com'],
    ['https://df.example.com/api/v2/', 'https://df.example.com'],
    ['https://df.example.com/API/V2', 'https://df.example.com'],
    ['http://127.0.0.1:8080/df/api/v2?x=1#y', 'http://127.0.0.1:8080/df'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeInstanceUrl(input)).toBe(expected);
  });

  it.each(['df.example.com', 'ftp://df.example.com', '', 'https://'])('rejects %j', (input) => {
    expect(() => normalizeInstanceUrl(input)).toThrow(TypeError);
  });
});

describe('sessionPath', () => {
  it('maps the audience to its session path', () => {
    expect(sessionPath('user')).toBe('/user/session');
    expect(sessionPath('admin')).toBe('/system/admin/session');
  });
});

describe('wire readers', () => {
  it('accepts the latest session object and 2.0-style values', () => {
    const latest = readSessionWire({
      session_token: 'a.b.c',
      session_id: 'a.b.c',
      id: 5,
      name: 'Jane Doe',
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'jane@example.com',
      is_sys_admin: false,
      last_login_date: '2024-05-01 10:20:30',
      host: 'df-web-1',
      token_expiry_date: '2024-05-02 10:20:30',
      role: 'mobile_user',
      role_id: 2,
    });
    expect(latest?.id).toBe(5);
    expect(readSessionWire({ session_token: 't', id: '7', is_sys_admin: 1 })).toMatchObject({ id: 7, is_sys_admin: true });
  });

  it('rejects answers without a token', () => {
    expect(readSessionWire({ id: 1 })).toBeNull();
    expect(readSessionWire({ session_token: '', id: 1 })).toBeNull();
  });

  it('recognises both error envelopes', () => {
    expect(readErrorEnvelope({ error: { context: null, message: 'x', code: 401 } })).not.toBeNull();
    expect(readErrorEnvelope({ error: { code: 401, context: null, message: 'x', status_code: 401 } })).not.toBeNull();
    expect(readErrorEnvelope({ error: 'x' })).toBeNull();
  });
});
