/**
 * The keychain vault in-process against the real gnome-keyring of start-keyring.sh, and the lazy loader's
 * failure path (a missing libsecret makes the native module throw on load). The no-bus and locked cases
 * run in child processes: keytar-vault.child.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeytarLike } from '../../../../electron/main/adapters/keytar-vault.ts';
import { createKeychainVault, keytarItems, loadKeytarModule, openSecretVault } from '../../../../electron/main/adapters/keytar-vault.ts';
import { isDeskError } from '../../../../shared/ipc/desk-error.ts';
import type { SecretVault } from '../../../../electron/main/ports.ts';
import { loadTestKeytar, recordingLogger, removeService, uniqueService } from './fixtures/test-keyring.ts';

describe('openSecretVault with a working keychain', () => {
  let keytar: KeytarLike;
  let service: string;
  let vault: SecretVault;
  const logger = recordingLogger();

  beforeAll(async () => {
    keytar = await loadTestKeytar();
    service = uniqueService();
    vault = await openSecretVault({ service, logger });
  });
  afterAll(() => removeService(keytar, service));

  it('passes the self-test: mode keychain, and the canary is gone', async () => {
    expect(vault.health()).toEqual({ mode: 'keychain' });
    expect(await keytar.findCredentials(service)).toEqual([]);
    expect(logger.lines.find((line) => line.level === 'warn')).toBeUndefined();
  });

  it('round-trips, overwrites and deletes a secret in the real keychain', async () => {
    await vault.set('inst1/admin@example.com', 's3cret-α');
    expect(await keytar.getPassword(service, 'inst1/admin@example.com')).toBe('s3cret-α');
    expect(await vault.get('inst1/admin@example.com')).toBe('s3cret-α');
    await vault.set('inst1/admin@example.com', 'second');
    expect(await vault.get('inst1/admin@example.com')).toBe('second');
    expect(await vault.delete('inst1/admin@example.com')).toBe(true);
    expect(await vault.get('inst1/admin@example.com')).toBeNull();
    expect(await vault.delete('inst1/admin@example.com')).toBe(false);
  });

  it('stores a 10 KB token in parts but lists it as one account', async () => {
    const token = 'eyJ'.padEnd(10_240, 'x');
    await vault.set('inst2/big@example.com', token);
    await vault.set('inst2/api-key', 'k'.repeat(64));
    await vault.set('inst3/api-key', 'other');
    expect((await vault.findAccounts('inst2/')).sort()).toEqual(['inst2/api-key', 'inst2/big@example.com']);
    expect(await vault.get('inst2/big@example.com')).toBe(token);
    expect((await keytar.findCredentials(service)).length).toBeGreaterThan(4);
    for (const account of await vault.findAccounts('inst')) await vault.delete(account);
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  it('serialises overlapping writes to one account: the last write wins and no stale parts remain', async () => {
    await Promise.all([
      vault.set('inst4/u', 'a'.repeat(9_000)),
      vault.set('inst4/u', 'b'.repeat(5_000)),
      vault.set('inst4/u', 'short'),
    ]);
    expect(await vault.get('inst4/u')).toBe('short');
    expect((await keytar.findCredentials(service)).map((c) => c.account)).toEqual(['inst4/u']);
    await vault.delete('inst4/u');
  });

  it('logs a damaged secret as a warning without its content and returns null', async () => {
    await vault.set('inst5/u', 'q'.repeat(6_000));
    await keytar.deletePassword(service, 'inst5/u#2');
    expect(await vault.get('inst5/u')).toBeNull();
    const warning = logger.lines.find((line) => line.message.includes('damaged'));
    expect(warning?.fields).toEqual({ account: 'inst5/u', damage: 'missing-chunk' });
    expect(JSON.stringify(logger.lines)).not.toContain('qqqq');
    await vault.delete('inst5/u');
  });
});

describe('keychain errors at run time', () => {
  it('become DeskError(vault) with a plain reason and no secret', async () => {
    const failing: KeytarLike = {
      getPassword: async () => null,
      setPassword: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
      deletePassword: async () => false,
      findCredentials: async () => [],
    };
    const vault = createKeychainVault(keytarItems(failing, 'svc'), recordingLogger());
    const error = await vault.set('inst/u', 'the-secret-value').catch((e: unknown) => e);
    expect(isDeskError(error, 'vault')).toBe(true);
    expect((error as Error).message).toMatch(/^Could not save to the system keychain\. The login keyring is locked\./);
    expect((error as Error).message).not.toContain('the-secret-value');
  });
});

describe('openSecretVault when keytar cannot load', () => {
  it('libsecret missing (the import throws) → session-only with the reason, no crash, memory still works', async () => {
    const logger = recordingLogger();
    const vault = await openSecretVault({
      logger,
      loadKeytar: async () => {
        throw new Error(
          'libsecret-1.so.0: cannot open shared object file: No such file or directory',
        );
      },
    });
    expect(vault.health()).toEqual({
      mode: 'session-only',
      reason: 'The keychain library (libsecret) is not installed, so DF Desk cannot reach the system keychain.',
      fix: 'Install it: sudo apt install libsecret-1-0 gnome-keyring, then restart DF Desk.',
    });
    await vault.set('inst/u', 'tok');
    expect(await vault.get('inst/u')).toBe('tok');
    expect(logger.lines.map((line) => line.level)).toEqual(['warn']);
  });

  it('keytar not installed (Cannot find module) → session-only, "broken installation"', async () => {
    const vault = await openSecretVault({
      logger: recordingLogger(),
      loadKeytar: async () => {
        throw new Error("Cannot find module 'keytar'");
      },
    });
    expect(vault.health().mode).toBe('session-only');
    expect(vault.health().reason).toBe("DF Desk's keychain module is missing or broken in this installation.");
  });

  it('the default loader finds keytar’s functions on the CommonJS namespace', async () => {
    const keytar = await loadKeytarModule();
    expect(typeof keytar.setPassword).toBe('function');
    expect(typeof keytar.findCredentials).toBe('function');
  });

  it('a self-test that never answers → session-only after the time limit', async () => {
    const hanging: KeytarLike = {
      getPassword: () => new Promise(() => {}),
      setPassword: () => new Promise(() => {}),
      deletePassword: async () => false,
      findCredentials: async () => [],
    };
    const vault = await openSecretVault({ logger: recordingLogger(), loadKeytar: async () => hanging, selfTestTimeoutMs: 50 });
    expect(vault.health()).toMatchObject({
      mode: 'session-only',
      reason: 'The system keychain did not answer in time (it may be waiting for you to unlock it).',
    });
  });
});
