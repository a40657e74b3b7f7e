import { describe, expect, it } from 'vitest';
import { isChunkAccount } from '../../../../../electron/main/adapters/secret-chunking.ts';
import {
  apiKeyAccount,
  escapeLogin,
  instanceAccountPrefix,
  tokenAccount,
  unescapeLogin,
} from '../../../../../electron/main/services/instances/vault-accounts.ts';

describe('vault account names', () => {
  it('follow <instanceId>/api-key and <instanceId>/<login>', () => {
    expect(apiKeyAccount('k3Jd')).toBe('k3Jd/api-key');
    expect(tokenAccount('k3Jd', 'admin@example.com')).toBe('k3Jd/admin@example.com');
    expect(tokenAccount('k3Jd', 'admin@example.com').startsWith(instanceAccountPrefix('k3Jd'))).toBe(true);
  });

  it('a login named "api-key" cannot collide with the API key entry', () => {
    expect(tokenAccount('id', 'api-key')).toBe('id/api%2Dkey');
    expect(tokenAccount('id', 'api-key')).not.toBe(apiKeyAccount('id'));
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
