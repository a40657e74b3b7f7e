// Restart with the REAL keychain (keytar on the private gnome-keyring of scripts/start-keyring.sh): sessions
// come back from the vault with zero requests when valid, one PUT each when expired inside the window. Also
// measures restart cost for 3 and 20 instances (printed as a table; counts are asserted, times are not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeytarLike } from '../../../electron/main/adapters/keytar-vault.ts';
import type { DfServer } from '../../df-server/index.ts';
import { loadTestKeytar, removeService, uniqueService } from './adapters/fixtures/test-keyring.ts';
import { openDesk, removeDataDirs, writtenFiles } from './services/fixtures/desk-harness.ts';
import { JWT_SHAPE } from './services/fixtures/secret-walk.ts';
import { ManualClock } from '../../fixtures/clocks.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';
let keytar: KeytarLike;
const services: string[] = [];

beforeAll(async () => {
  keytar = await loadTestKeytar();
});
afterAll(async () => {
  for (const service of services) await removeService(keytar, service);
  removeDataDirs();
});

function newService(): string {
  const service = uniqueService();
  services.push(service);
  return service;
}

const totalRequests = (servers: DfServer[]) => servers.reduce((sum, server) => sum + server.stats.requests, 0);
const totalPuts = (servers: DfServer[]) => servers.reduce((sum, server) => sum + server.stats.refreshAttempts, 0);

interface Prepared {
  dataDir: string;
  vaultService: string;
  servers: DfServer[];
  ids: string[];
  /** The desks' clock and every server's. */
  clock: ManualClock;
}

/** n instances on n DF servers, all signed in with "remember me" (the default), then the desk is closed. */
async function prepare(n: number, serverOptions: { ttlSeconds?: number } = {}): Promise<Prepared> {
  const clock = new ManualClock();
  const servers = await Promise.all(Array.from({ length: n }, () => dfServer({ allowForever: true, ...serverOptions, clock })));
  const vaultService = newService();
  const desk = await openDesk({ vaultService, clock });
  expect((await desk.api.vault.health()).mode).toBe('keychain');
  const ids: string[] = [];
  for (const [index, server] of servers.entries()) {
    const instance = await desk.api.instances.add({ name: `DF ${index + 1}`, url: server.url, apiKey: API_KEY });
    const status = await desk.api.session.signIn(instance.id, JANE);
    expect(status).toMatchObject({ state: 'active', persistence: 'keychain', forever: true });
    ids.push(instance.id);
  }
  await desk.dispose();
  for (const server of servers) server.stats.reset();
  return { dataDir: desk.dataDir, vaultService, servers, ids, clock };
}

/** Moves both clocks (desk and servers) past the tokens' expiry, inside the refresh window. */
function expireTokens(prepared: Prepared, seconds: number): void {
  prepared.clock.t += seconds * 1000;
}

async function restart(prepared: Prepared) {
  const started = performance.now();
  const desk = await openDesk({ dataDir: prepared.dataDir, vaultService: prepared.vaultService, clock: prepared.clock });
  const built = performance.now();
  const statuses = await Promise.all(prepared.ids.map((id) => desk.api.session.status(id)));
  const restored = performance.now();
  return {
    desk,
    statuses,
    requests: totalRequests(prepared.servers),
    puts: totalPuts(prepared.servers),
    createDeskMs: built - started,
    restoreMs: restored - built,
  };
}

describe('restart with the keychain', () => {
  it('3 instances signed in with remember me: all active with zero requests, and requests work', async () => {
    const prepared = await prepare(3);
    const { desk, statuses, requests } = await restart(prepared);
    expect(statuses.map((s) => [s.state, s.persistence, s.user?.name])).toEqual([
      ['active', 'keychain', 'Jane Doe'],
      ['active', 'keychain', 'Jane Doe'],
      ['active', 'keychain', 'Jane Doe'],
    ]);
    expect(requests).toBe(0);
    for (const id of prepared.ids) {
      const answer = await desk.api.request(id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
      expect(answer.status).toBe(200);
    }
    expect(totalPuts(prepared.servers)).toBe(0);
  });

  it('a token expired but inside its window at restart: exactly one PUT for that instance', async () => {
    const prepared = await prepare(1, { ttlSeconds: 60 });
    expireTokens(prepared, 120);
    const { desk, statuses, requests, puts } = await restart(prepared);
    expect(requests).toBe(1);
    expect(puts).toBe(1);
    expect(statuses[0]).toMatchObject({ state: 'active', refreshCount: 1 });
    // The refreshed token was saved: another restart costs nothing.
    await desk.dispose();
    for (const server of prepared.servers) server.stats.reset();
    const again = await restart(prepared);
    expect(again.requests).toBe(0);
    expect(again.statuses[0]?.state).toBe('active');
  });

  it('measures restart cost: 3 vs 20 instances, valid vs expired-in-window tokens', async () => {
    const rows: Array<Record<string, string | number>> = [];
    for (const n of [3, 20]) {
      const valid = await prepare(n);
      const a = await restart(valid);
      expect(a.statuses.every((s) => s.state === 'active')).toBe(true);
      expect(a.requests).toBe(0);
      rows.push({
        instances: n,
        tokens: 'valid',
        'network calls': a.requests,
        PUTs: a.puts,
        'createDesk ms': Math.round(a.createDeskMs),
        'all sessions restored ms': Math.round(a.restoreMs),
      });
      await a.desk.dispose();

      const expired = await prepare(n, { ttlSeconds: 60 });
      expireTokens(expired, 120);
      const b = await restart(expired);
      expect(b.statuses.every((s) => s.state === 'active')).toBe(true);
      expect(b.requests).toBe(n);
      expect(b.puts).toBe(n);
      rows.push({
        instances: n,
        tokens: 'expired, in window',
        'network calls': b.requests,
        PUTs: b.puts,
        'createDesk ms': Math.round(b.createDeskMs),
        'all sessions restored ms': Math.round(b.restoreMs),
      });
      await b.desk.dispose();
    }
    console.log('\nRestart cost (real keytar + gnome-keyring, loopback DF test servers):');
    console.table(rows);
    expect(rows).toHaveLength(4);
  });

  it('nothing the desks wrote holds a token or the API key (runs last)', () => {
    const files = writtenFiles();
    expect(files.filter((f) => f.path.endsWith('settings.json')).length).toBeGreaterThanOrEqual(3);
    const offenders = files.filter((f) => JWT_SHAPE.test(f.text) || f.text.includes(API_KEY));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});
