import { describe, expect, it } from 'vitest';
import { isChunkAccount } from '../../../../../electron/main/adapters/secret-chunking.ts';
import {
  apiKeyAccount,
  bindingAccount,
  decodeLogin,
  encodeLogin,
  escapeLogin,
  instanceAccountPrefix,
  legacyApiKeyAccount,
  legacyTokenAccount,
  tokenAccount,
  unescapeLogin,
} from '../../../../../electron/main/services/instances/vault-accounts.ts';

describe('vault account names', () => {
  it('follow <instanceId>/v2/api-key and <instanceId>/v2/token/<login> (scheme 1: <instanceId>/api-key and <instanceId>/<login>)', () => {
    expect(apiKeyAccount('k3Jd')).toBe('k3Jd/v2/api-key');
    expect(tokenAccount('k3Jd', 'admin@example.com')).toBe('k3Jd/v2/token/admin@example.com');
    expect(tokenAccount('k3Jd', 'admin@example.com').startsWith(instanceAccountPrefix('k3Jd'))).toBe(true);
    expect(bindingAccount('k3Jd').startsWith(instanceAccountPrefix('k3Jd'))).toBe(false);
    expect(legacyApiKeyAccount('k3Jd')).toBe('k3Jd/api-key');
    expect(legacyTokenAccount('k3Jd', 'admin@example.com')).toBe('k3Jd/admin@example.com');
  });

  it('a login named "api-key" cannot collide with the API key entry', () => {
    expect(legacyTokenAccount('id', 'api-key')).toBe('id/api%2Dkey');
    expect(tokenAccount('id', 'api-key')).toBe('id/v2/token/api-key');
    expect(tokenAccount('id', 'api-key')).not.toBe(apiKeyAccount('id'));
  });

  it('item12-keychain-case-folding: no two names are equal with case folded, and none is a scheme-1 name', () => {
    const logins = ['API-KEY', 'api-key', 'Jane@Example.com', 'jane@example.com', 'ÄRGER', 'ärger', 'key', 'token', 'v2', 'a#1', 'x/y', '100%'];
    const names = ['id', 'ID'].flatMap((id) => [apiKeyAccount(id), ...logins.map((login) => tokenAccount(id, login))]);
    const folded = new Set(names.filter((name) => name.startsWith('id/')).map((name) => name.toLowerCase()));
    expect(folded.size).toBe(logins.length + 1);
    const scheme1 = new Set(logins.flatMap((login) => [legacyTokenAccount('id', login), legacyApiKeyAccount('id')]).map((n) => n.toLowerCase()));
    for (const name of names) expect(scheme1.has(name.toLowerCase()), name).toBe(false);
    for (const login of logins) {
      expect(decodeLogin(encodeLogin(login))).toBe(login);
      expect(isChunkAccount(tokenAccount('id', login))).toBe(false);
    }
    expect(encodeLogin('Jane@Example.com')).toBe('%4Aane@%45xample.com');
  });

  it('escapes %, / and # so a login never looks like a chunk part or a nested path, and round-trips', () => {
    for (const login of ['a#1', 'x/y', '100%', 'api-key', 'api%2Dkey', 'ü@example.com', 'plain']) {
      const escaped = escapeLogin(login);
      expect(escaped).not.toMatch(/[/#]/);
      expect(isChunkAccount(tokenAccount('id', login))).toBe(false);
      expect(unescapeLogin(escaped)).toBe(login);
    }
    expect(new Set(['api-key', 'api%2Dkey', 'a#1', 'a%231'].map(escapeLogin)).size).toBe(4);
  });
});
