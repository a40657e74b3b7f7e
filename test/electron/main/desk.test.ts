// createDesk end to end: real DF test servers over loopback, real conf settings files, the default file
// logger; the vault is a memory vault (the keychain runs in desk.restart.test.ts), or the real keytar adapter
// told that libsecret is missing.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, describe, expect, it } from 'vitest';
import { openSecretVault } from '../../../electron/main/adapters/keytar-vault.ts';
import { createMemoryVault } from '../../../electron/main/adapters/memory-vault.ts';
import type { ConfLikeOptions } from '../../../electron/main/adapters/settings-store.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { SecretVault } from '../../../electron/main/ports.ts';
import { tokenAccount } from '../../../electron/main/services/instances/vault-accounts.ts';
import { REDACTED } from '../../../shared/secrets.ts';
import { recordingLogger } from './adapters/fixtures/test-keyring.ts';
import { newDataDir, openDesk, removeDataDirs, writtenFiles } from './services/fixtures/desk-harness.ts';
import { findSecrets, JWT_SHAPE } from './services/fixtures/secret-walk.ts';
import { sendJson, tlsServer } from './services/fixtures/servers.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';

// A DF-style key (64 hex), so the redacting logger and the walkers see the real shape.
const DF_SHAPED_KEY = randomBytes(32).toString('hex');
const apiKeysUsed = new Set<string>([DF_SHAPED_KEY]);

afterAll(() => removeDataDirs());

describe('nothing the desk hands out carries a credential', () => {
  it('drives every api method and event; no value is JWT-shaped or contains the API key', async () => {
    const server = await dfServer({ apiKey: DF_SHAPED_KEY, allowForever: true });
    const vault = createMemoryVault({ mode: 'keychain' });
    const desk = await openDesk({ vault });
    const { api } = desk;
    const handedOut: unknown[] = [];
    const keep = <T>(value: T): T => {
      handedOut.push(value);
      return value;
    };
    const keepError = async (promise: Promise<unknown>) => {
      handedOut.push(await rejection(promise, DeskError));
    };

    const instance = keep(await api.instances.add({ name: 'Main', url: server.url, apiKey: DF_SHAPED_KEY }));
    const prod = keep(await api.instances.add({ name: 'Prod', url: server.url, apiKey: DF_SHAPED_KEY, tag: 'prod' }));
    keep(await api.instances.list());
    keep(await api.instances.update(instance.id, { name: 'Main DF', favorite: true }));
    keep(await api.instances.probe({ url: server.url, apiKey: DF_SHAPED_KEY }));
    keep(await api.instances.probe({ url: server.url, apiKey: `${DF_SHAPED_KEY}x` }));
    keep(await api.session.status(instance.id));
    await keepError(api.session.signIn(instance.id, { email: JANE.email, password: 'wrong' }));
    await keepError(api.session.refresh(instance.id));
    keep(await api.session.signIn(instance.id, JANE));
    keep(await api.session.signIn(prod.id, { ...JANE, rememberMe: false }));
    const token = await vault.get(tokenAccount(instance.id, JANE.email));
    expect(token).toMatch(JWT_SHAPE);
    keep(await api.session.status(instance.id));
    keep(await api.session.refresh(instance.id));
    keep(await api.instances.doctor(instance.id));
    const refreshedToken = await vault.get(tokenAccount(instance.id, JANE.email));

    const session = keep(await api.request(instance.id, { method: 'GET', path: '/user/session' }));
    // The server did echo the token; the proxy hid it.
    expect(session.data).toMatchObject({ session_token: REDACTED, session_id: REDACTED });
    keep(await api.request(instance.id, { method: 'GET', path: '/system/environment' }));
    keep(await api.request(instance.id, { method: 'GET', path: '/', params: { fields: 'name' } }));
    keep(await api.request(instance.id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 3 } }));
    keep(await api.request(instance.id, { method: 'GET', path: '/db/_table/missing' }));
    keep(
      await api.request(instance.id, {
        method: 'POST',
        path: '/db/_table/contacts',
        data: { resource: [{ first_name: 'Ann', last_name: 'Lee' }] },
        params: { fields: '*' },
      }),
    );
    await keepError(api.request(prod.id, { method: 'DELETE', path: '/db/_table/contacts/1' }));
    await keepError(api.request(instance.id, { method: 'GET', path: 'https://evil.example/x' }));
    await keepError(api.request(instance.id, { method: 'PUT', path: '/user/session' }));
    keep(await api.vault.health());
    keep(await api.notices());
    keep(await api.info());
    keep(await api.update.check());
    keep(await api.session.signOut(instance.id));
    keep(await api.session.status(instance.id));
    server.revokeUser(JANE.email);
    await keepError(api.request(prod.id, { method: 'GET', path: '/db/_table/contacts' }));
    keep(await api.session.status(prod.id));
    await api.instances.remove(prod.id);
    keep(await api.instances.list());

    expect(desk.sessionEvents.map((e) => e.state)).toEqual(
      expect.arrayContaining(['active', 'refreshing', 'signed-out', 'needs-sign-in']),
    );
    expect(desk.instanceEvents.length).toBeGreaterThanOrEqual(4);
    const secrets = [DF_SHAPED_KEY, token ?? '', refreshedToken ?? ''];
    expect(findSecrets(handedOut, secrets)).toEqual([]);
    expect(findSecrets(desk.sessionEvents, secrets)).toEqual([]);
    expect(findSecrets(desk.instanceEvents, secrets)).toEqual([]);
    expect(handedOut.length).toBeGreaterThanOrEqual(25);
  });
});

describe('api', () => {
  it('errors are DeskErrors carrying the DF kind and message', async () => {
    const server = await dfServer();
    const desk = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }) });
    const instance = await desk.api.instances.add({ name: 'A', url: server.url, apiKey: API_KEY });
    const error = await rejection(desk.api.session.signIn(instance.id, { email: JANE.email, password: 'nope' }), DeskError);
    expect(error.toData()).toEqual({ kind: 'bad-credentials', message: 'Invalid credentials supplied.', status: 401 });
    expect((await rejection(desk.api.instances.add({ name: '', url: 'x' }), DeskError)).kind).toBe('invalid-input');
    expect((await rejection(desk.api.session.status('missing'), DeskError)).kind).toBe('unknown-instance');
    expect((await rejection(desk.api.instances.remove('missing'), DeskError)).kind).toBe('unknown-instance');
  });

  it('pushes instance-list changes for add, update and remove', async () => {
    const desk = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }) });
    const a = await desk.api.instances.add({ name: 'A', url: 'https://a.example.com' });
    await desk.api.instances.update(a.id, { tag: 'prod' });
    await desk.api.instances.remove(a.id);
    expect(desk.instanceEvents.map((list) => list.map((i) => `${i.name}:${i.tag}`))).toEqual([['A:other'], ['A:prod'], []]);
  });

  it('a new URL ends the session (token deleted); a new API key keeps it without a request', async () => {
    const server = await dfServer();
    const moved = await dfServer();
    const vault = createMemoryVault({ mode: 'keychain' });
    const desk = await openDesk({ vault });
    const instance = await desk.api.instances.add({ name: 'A', url: server.url, apiKey: API_KEY });
    await desk.api.session.signIn(instance.id, JANE);

    server.stats.reset();
    await desk.api.instances.update(instance.id, { apiKey: 'rotated-key' });
    expect((await desk.api.session.status(instance.id)).state).toBe('active');
    expect(server.stats.requests).toBe(0);

    await desk.api.instances.update(instance.id, { url: moved.url });
    expect((await desk.api.session.status(instance.id)).state).toBe('signed-out');
    expect(await vault.get(tokenAccount(instance.id, JANE.email))).toBeNull();
    expect(desk.sessionEvents.at(-1)?.state).toBe('signed-out');
  });

  it('trusting and forgetting a certificate through update take effect at once', async () => {
    const server = await tlsServer('self-signed', (_req, res) => sendJson(res, 200, { ok: true }));
    const desk = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }) });
    const instance = await desk.api.instances.add({ name: 'Self-signed', url: server.url });
    const probe = await desk.api.instances.probe({ url: server.url });
    const sha256 = probe.certificate?.sha256 ?? '';
    expect(sha256).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect((await rejection(desk.api.request(instance.id, { method: 'GET', path: '/' }), DeskError)).kind).toBe('tls');

    const pinned = await desk.api.instances.update(instance.id, { trustedCertificateSha256: sha256 });
    expect(pinned.trustedCertificateSha256).toBe(sha256);
    expect((await desk.api.request(instance.id, { method: 'GET', path: '/' })).data).toEqual({ ok: true });

    await desk.api.instances.update(instance.id, { trustedCertificateSha256: null });
    expect((await rejection(desk.api.request(instance.id, { method: 'GET', path: '/' }), DeskError)).kind).toBe('tls');
    expect(server.requests).toHaveLength(1);
  });

  it('a move to another server forgets the API key: the new server never receives it', async () => {
    const server = await dfServer();
    const moved = await dfServer();
    const desk = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }) });
    const instance = await desk.api.instances.add({ name: 'A', url: server.url, apiKey: API_KEY });
    await desk.api.request(instance.id, { method: 'GET', path: '/' });

    expect((await desk.api.instances.update(instance.id, { url: moved.url })).hasApiKey).toBe(false);
    // Without a key the new server may refuse; what matters is what it was sent.
    await desk.api.request(instance.id, { method: 'GET', path: '/' }).catch(() => undefined);
    await desk.api.session.signIn(instance.id, JANE).catch(() => undefined);
    expect(moved.requestLog.length).toBeGreaterThan(0);
    expect(moved.requestLog.filter((entry) => entry.headers['x-dreamfactory-api-key'] !== undefined)).toEqual([]);
  });

  it('remove: secrets and the session summary are gone', async () => {
    const server = await dfServer();
    const vault = createMemoryVault({ mode: 'keychain' });
    const desk = await openDesk({ vault });
    const instance = await desk.api.instances.add({ name: 'A', url: server.url, apiKey: API_KEY });
    await desk.api.session.signIn(instance.id, JANE);
    await desk.api.instances.remove(instance.id);
    expect(await vault.findAccounts(`${instance.id}/`)).toEqual([]);
    const settings = readFileSync(join(desk.dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain(instance.id);
    expect((await rejection(desk.api.request(instance.id, { method: 'GET', path: '/' }), DeskError)).kind).toBe('unknown-instance');
  });

  it('dispose stops every keep-alive timer', async () => {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const server = await dfServer({ ttlSeconds: 0.5, clock });
    const desk = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }), clock, timers });
    const instance = await desk.api.instances.add({ name: 'A', url: server.url, apiKey: API_KEY });
    await desk.api.session.signIn(instance.id, JANE);
    expect(timers.pending.size).toBe(1);
    await desk.dispose();
    expect(timers.pending.size).toBe(0);
    server.stats.reset();
    await timers.advance(800); // past the keep-alive point and the token's exp
    expect(server.stats.requests).toBe(0);
  });

  it('uses the settings class it is given (the app passes electron-store), else conf', async () => {
    const constructed: ConfLikeOptions[] = [];
    class RecordingConf extends Conf {
      constructor(options: ConfLikeOptions) {
        super(options);
        constructed.push(options);
      }
    }
    const dataDir = newDataDir();
    const desk = await openDesk({ dataDir, vault: createMemoryVault(), settingsStore: RecordingConf });
    await desk.api.instances.add({ name: 'A', url: 'https://a.example.com' });
    expect(constructed).toHaveLength(1);
    expect(constructed[0]).toMatchObject({ cwd: dataDir, name: 'settings' });
    await desk.dispose();
    const plain = await openDesk({ dataDir, vault: createMemoryVault() });
    expect((await plain.api.instances.list()).map((i) => i.name)).toEqual(['A']);
  });

  it('logs to <dataDir>/logs/desk.log by default, or to the logger given', async () => {
    const server = await dfServer();
    const desk = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }) });
    const instance = await desk.api.instances.add({ name: 'A', url: server.url, apiKey: API_KEY });
    await desk.api.session.signIn(instance.id, JANE);
    await desk.dispose();
    const log = readFileSync(join(desk.dataDir, 'logs', 'desk.log'), 'utf8');
    expect(log).toMatch(/"message":"Signed in\."/);

    const logger = recordingLogger();
    const other = await openDesk({ vault: createMemoryVault(), logger });
    await other.api.instances.add({ name: 'B', url: 'https://b.example.com' });
    expect(logger.lines.some((line) => line.message === 'Instance added.')).toBe(true);
    expect(existsSync(join(other.dataDir, 'logs'))).toBe(false);
  });
});

describe('without a usable keychain', () => {
  // The real keytar adapter, told the native module cannot load (libsecret missing).
  const brokenKeychain = (): Promise<SecretVault> =>
    openSecretVault({
      logger: recordingLogger(),
      loadKeytar: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory')),
    });

  it('health says why; sign-in works with persistence memory; a restart needs a new sign-in and says why', async () => {
    const server = await dfServer();
    const desk = await openDesk({ vault: await brokenKeychain() });
    const health = await desk.api.vault.health();
    expect(health).toMatchObject({ mode: 'session-only', reason: expect.stringMatching(/libsecret/), fix: expect.any(String) });
    const instance = await desk.api.instances.add({ name: 'A', url: server.url, apiKey: API_KEY });
    const status = await desk.api.session.signIn(instance.id, JANE);
    expect(status).toMatchObject({ state: 'active', persistence: 'memory' });
    expect((await desk.api.request(instance.id, { method: 'GET', path: '/db/_table/contacts' })).status).toBe(200);
    expect((await desk.api.instances.probe({ url: server.url })).vault.mode).toBe('session-only');
    await desk.dispose();

    server.stats.reset();
    const again = await openDesk({ dataDir: desk.dataDir, vault: await brokenKeychain() });
    const after = await again.api.session.status(instance.id);
    expect(after).toMatchObject({ state: 'needs-sign-in', persistence: 'memory', user: { name: 'Jane Doe' } });
    expect(after.endedReason).toMatch(/could not use the system keychain.*libsecret/);
    expect(server.stats.requests).toBe(0);
    // The API key was lost with the memory vault too: the instance still says it had one.
    expect((await again.api.instances.list())[0]?.hasApiKey).toBe(true);
  });
});

describe('settings file trouble', () => {
  it('a corrupt file: notice, .bak kept, empty list, no crash, and the desk works', async () => {
    const dataDir = newDataDir();
    writeFileSync(join(dataDir, 'settings.json'), '{"schemaVersion":1,"instances":[ this is not json');
    const desk = await openDesk({ dataDir, vault: createMemoryVault() });
    const notices = await desk.api.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'settings-recovered', message: expect.stringMatching(/not valid JSON.*\.bak/) });
    const backup = /kept as (\S+\.bak)/.exec(notices[0]?.message ?? '')?.[1];
    expect(backup !== undefined && existsSync(backup)).toBe(true);
    expect(readFileSync(backup ?? '', 'utf8')).toContain('this is not json');
    expect(await desk.api.instances.list()).toEqual([]);
    await desk.api.instances.add({ name: 'Fresh', url: 'https://fresh.example.com' });
    expect((await desk.api.instances.list()).map((i) => i.name)).toEqual(['Fresh']);
  });

  it('an old (schema 0) file: migrated with a notice', async () => {
    const dataDir = newDataDir();
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ servers: [{ label: 'Old prod', baseUrl: 'https://df.example.com/api/v2/', env: 'production' }] }),
    );
    const desk = await openDesk({ dataDir, vault: createMemoryVault() });
    expect((await desk.api.notices()).map((n) => n.kind)).toEqual(['settings-migrated']);
    expect(await desk.api.instances.list()).toMatchObject([{ name: 'Old prod', url: 'https://df.example.com', tag: 'prod' }]);
  });
});

describe('what the desks wrote to disk (runs last)', () => {
  it('no settings file, backup or log holds a JWT-shaped string or an API key', () => {
    const files = writtenFiles();
    expect(files.some((f) => f.path.endsWith('settings.json'))).toBe(true);
    expect(files.some((f) => f.path.endsWith('desk.log'))).toBe(true);
    const offenders = files.filter(
      (f) => JWT_SHAPE.test(f.text) || [...apiKeysUsed, API_KEY, 'rotated-key'].some((key) => f.text.includes(key)),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});
