import { describe, expect, it } from 'vitest';
import { readApiKey } from '../../../../../electron/main/services/sessions/read-api-key.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';

describe('readApiKey', () => {
  it('returns the stored key', async () => {
    expect(await readApiKey({ getApiKey: async () => 'k1' }, recordingLogger(), 'a')).toBe('k1');
  });
  it('a keychain that refuses gives null and a warning, never a failed session', async () => {
    const logger = recordingLogger();
    const key = await readApiKey({ getApiKey: async () => Promise.reject(new Error('locked')) }, logger, 'a');
    expect(key).toBeNull();
    expect(logger.lines.map((line) => line.message)).toContain('Could not read the API key from the keychain.');
  });
});
