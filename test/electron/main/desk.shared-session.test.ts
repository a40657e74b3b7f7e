// One DF session per instance, shared by every desk on one data folder and keychain service: the app and any
// number of `dfdesk` commands (each its own createDesk). With the REAL keychain (keytar on the private keyring
// of scripts/start-keyring.sh) and the default lock files: two desks in this process, and a real second
// process (fixtures/refresh-child.ts) for proper-lockfile and the keychain across processes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeytarLike } from '../../../electron/main/adapters/keytar-vault.ts';
import { createFileRefreshLock } from '../../../electron/main/services/sessions/file-refresh-lock.ts';
import type { Clock } from '../../../shared/df/index.ts';
import type { SessionStatus } from '../../../shared/ipc/contract.ts';
import { loadTestKeytar, recordingLogger, removeService, uniqueService } from './adapters/fixtures/test-keyring.ts';
import type { DeskUnderTest } from './services/fixtures/desk-harness.ts';
import { newDataDir, openDesk, removeDataDirs } from './services/fixtures/desk-harness.ts';
import { ChildDesk, OffsetClock } from './services/sessions/fixtures/child-desk.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';
import { waitFor } from '../../fixtures/waiting.ts';

let keytar: KeytarLike;
const services: string[] = [];
beforeAll(async () => {
  keytar = await loadTestKeytar();
});
afterAll(async () => {
  for (const service of services) await removeService(keytar, service);
  removeDataDirs();
});

const PUT_SESSION = 'PUT /api/v2/user/session';
const range = (n: number) => Array.from({ length: n }, (_, index) => index);
const contacts = (desk: DeskUnderTest, id: string) =>
  desk.api.request(id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
const prompted = (desk: DeskUnderTest) => desk.sessionEvents.filter((status) => status.state === 'needs-sign-in');
const near = (a: number | undefined, b: number | undefined) => Math.abs((a ?? 0) - (b ?? Number.NaN)) < 1000;

/** The app signed in to one DF test server (60 s tokens) on `clock`, with the real keychain. */
async function signedInApp(clock: Clock, options: Parameters<typeof openDesk>[0] = {}) {
  const server = await dfServer({ ttlSeconds: 60, clock });
  const vaultService = uniqueService();
  services.push(vaultService);
  const app = await openDesk({ vaultService, clock, ...options });
  const { id } = await app.api.instances.add({ name: 'DF', url: server.url, apiKey: API_KEY });
  expect(await app.api.session.signIn(id, JANE)).toMatchObject({ state: 'active', persistence: 'keychain' });
  return { server, vaultService, app, id };
}

/** The app and a second desk on the same data folder and keychain, as a dfdesk command builds it. */
async function twoDesks(appTimers?: (clock: ManualClock) => ManualTimers) {
  const clock = new ManualClock();
  const timers = appTimers?.(clock);
  const { server, vaultService, app, id } = await signedInApp(clock, timers === undefined ? {} : { timers });
  const cli = await openDesk({ dataDir: app.dataDir, vaultService, clock });
  expect(await cli.api.session.status(id)).toMatchObject({ state: 'active', refreshCount: 0 });
  server.stats.reset();
  return { clock, timers, server, app, cli, id };
}

describe('two desks on one data folder and keychain (this process)', () => {
  it('a storm right after expiry: exactly one PUT in all, every request answered, no session ended', async () => {
    const t = await twoDesks();
    t.clock.t += 61_000;
    const answers = await Promise.all([...range(20).map(() => contacts(t.app, t.id)), ...range(20).map(() => contacts(t.cli, t.id))]);
    expect(answers.map((answer) => answer.status)).toEqual(range(40).map(() => 200));
    expect(t.server.stats.refreshAttempts).toBe(1);
    expect(t.server.stats.byRoute[PUT_SESSION]).toBe(1);
    expect([...prompted(t.app), ...prompted(t.cli)]).toEqual([]);
    const [app, cli] = await Promise.all([t.app.api.session.status(t.id), t.cli.api.session.status(t.id)]);
    expect([app.state, cli.state]).toEqual(['active', 'active']);
    expect(app.refreshCount + cli.refreshCount).toBe(1);
  });

  it('the app idle while the other desk refreshes twice: its next request adopts the newest token, no PUT of its own', async () => {
    const t = await twoDesks();
    t.clock.t += 10_000;
    await t.cli.api.session.refresh(t.id);
    t.clock.t += 10_000;
    const newest = await t.cli.api.session.refresh(t.id);
    expect(t.server.stats.refreshAttempts).toBe(2);
    expect((await contacts(t.app, t.id)).status).toBe(200);
    expect(t.server.stats.refreshAttempts).toBe(2);
    // Its first try carried its own (blacklisted) token; the retry the newest from the keychain.
    expect(t.server.stats.status403).toBe(1);
    const status = await t.app.api.session.status(t.id);
    expect(status.state).toBe('active');
    expect(near(status.expiresAt, newest.expiresAt)).toBe(true);
    expect(near(status.lastRefreshAt, t.clock.now())).toBe(true);
    expect(prompted(t.app)).toEqual([]);
    expect(near(t.app.sessionEvents.at(-1)?.expiresAt, newest.expiresAt)).toBe(true);
  });

  it('the app’s keep-alive after the other desk refreshed: adopts under the lock (no PUT) and pushes the new status', async () => {
    const t = await twoDesks((clock) => new ManualTimers(clock));
    t.clock.t += 10_000;
    const other = await t.cli.api.session.refresh(t.id);
    const before = t.app.sessionEvents.length;
    await t.timers!.runNext(); // the app's keep-alive, due 54 s after its sign-in
    const adopted = (status: SessionStatus) => near(status.expiresAt, other.expiresAt) && status.state === 'active';
    await waitFor(() => t.app.sessionEvents.slice(before).some(adopted), 'the app to adopt the other desk’s token');
    expect(t.server.stats.refreshAttempts).toBe(1);
    expect(prompted(t.app)).toEqual([]);
    expect((await contacts(t.app, t.id)).status).toBe(200);
    expect(t.server.stats.status403 + t.server.stats.status401).toBe(0);
  });
});

/** The app here, a second desk in a real child process; both on an OffsetClock the test moves together. */
async function appAndChild(options: { dataDir?: string; refreshLockStaleMs?: number } = {}) {
  const clock = new OffsetClock();
  const dataDir = options.dataDir ?? newDataDir();
  const stale = options.refreshLockStaleMs;
  const refreshLock = stale === undefined ? undefined : createFileRefreshLock({ dir: join(dataDir, 'locks'), logger: recordingLogger(), staleMs: stale });
  const signedIn = await signedInApp(clock, { dataDir, ...(refreshLock === undefined ? {} : { refreshLock }) });
  const child = ChildDesk.start();
  const advance = async (seconds: number) => {
    clock.offsetMs += seconds * 1000;
    await child.call({ op: 'clock', offsetMs: clock.offsetMs });
  };
  return { ...signedIn, clock, dataDir, child, advance };
}

describe('the app and a real second process', { timeout: 60_000 }, () => {
  it('a storm across both processes right after expiry: exactly one PUT, every request answered, no session ended', async () => {
    const t = await appAndChild();
    const { ids } = await t.child.call({ op: 'open', dataDir: t.dataDir, vaultService: t.vaultService, offsetMs: 0 });
    expect(ids).toEqual([t.id]);
    t.server.stats.reset();
    await t.advance(61);
    const [here, there] = await Promise.all([
      Promise.all(range(20).map(() => contacts(t.app, t.id))),
      t.child.call({ op: 'requests', instanceId: t.id, count: 20 }),
    ]);
    expect(here.map((answer) => answer.status)).toEqual(range(20).map(() => 200));
    expect(there.statuses).toEqual(range(20).map(() => 200));
    expect(t.server.stats.refreshAttempts).toBe(1);
    expect(t.server.stats.byRoute[PUT_SESSION]).toBe(1);
    expect(t.server.stats.byRoute['GET /api/v2/db/_table/contacts']).toBe(40);
    expect(there.session?.state).toBe('active');
    expect((await t.app.api.session.status(t.id)).state).toBe('active');
    expect(prompted(t.app)).toEqual([]);
  });

  it('the app idle while the other process refreshes twice: the app’s next request succeeds, adopting the newest token', async () => {
    const t = await appAndChild();
    await t.child.call({ op: 'open', dataDir: t.dataDir, vaultService: t.vaultService, offsetMs: 0 });
    t.server.stats.reset();
    await t.advance(10);
    await t.child.call({ op: 'refresh', instanceId: t.id });
    await t.advance(10);
    const newest = (await t.child.call({ op: 'refresh', instanceId: t.id })).session;
    expect(t.server.stats.refreshAttempts).toBe(2);
    expect((await contacts(t.app, t.id)).status).toBe(200);
    expect(t.server.stats.refreshAttempts).toBe(2);
    const status = await t.app.api.session.status(t.id);
    expect(status.state).toBe('active');
    expect(near(status.expiresAt, newest?.expiresAt)).toBe(true);
    expect(prompted(t.app)).toEqual([]);
  });

  it('the other process killed while it holds the instance’s lock: the app takes it over once stale, then refreshes', async () => {
    const STALE_MS = 2000;
    const t = await appAndChild({ refreshLockStaleMs: STALE_MS });
    const dir = join(t.dataDir, 'locks');
    const { lockPath } = await t.child.call({ op: 'hold-lock', dir, key: t.id, staleMs: STALE_MS });
    expect(lockPath).toBe(join(dir, `${t.id}.lock`));
    await t.child.kill();
    t.server.stats.reset();
    t.clock.offsetMs += 61_000;
    expect((await contacts(t.app, t.id)).status).toBe(200);
    expect(t.server.stats.refreshAttempts).toBe(1);
    expect(await t.app.api.session.status(t.id)).toMatchObject({ state: 'active', refreshCount: 1 });
    expect(prompted(t.app)).toEqual([]);
  });
});
