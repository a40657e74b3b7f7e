// Several clients of one instance, each with its own cached view of one token store (like processes sharing a
// keychain entry) and one refresh lock, over real loopback HTTP on every era: one PUT however many of them find
// the token due, and a client that idled while the others refreshed adopts their token instead of ending.
import { describe, expect, it } from 'vitest';
import type { DfClient, DfError } from '../../../shared/df/index.ts';
import { CONTACTS, ERAS, MemoryTokenStore, makeClient, pauseTimers } from './helpers.ts';
import { CachingTokenStore, MemoryRefreshLock } from './shared-store-fixtures.ts';
import { ManualClock } from '../../fixtures/clocks.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { JANE } from '../../fixtures/users.ts';

const PUT_SESSION = 'PUT /api/v2/user/session';

/** `n` clients ("processes") on one DF test server (2 s tokens) and one manual clock; the first signs in. */
async function processes(era: (typeof ERAS)[number], n: number, withLock = true) {
  const clock = new ManualClock();
  const server = await dfServer({ profile: era, ttlSeconds: 2, clock });
  const entry = new MemoryTokenStore();
  const lock = new MemoryRefreshLock(entry);
  const ended: DfError[] = [];
  const clients: DfClient[] = Array.from({ length: n }, () =>
    makeClient(server.url, new CachingTokenStore(entry), {
      clock,
      timers: pauseTimers(clock),
      refreshLeewaySeconds: 0.5,
      onSessionEnd: (error) => ended.push(error),
      ...(withLock ? { refreshLock: { lock, key: 'instance-1' } } : {}),
    }),
  );
  const [first, ...others] = clients;
  await first!.login(JANE);
  for (const other of others) expect((await other.resume()).state).toBe('active');
  server.stats.reset();
  return { clock, server, entry, lock, ended, clients, advance: (seconds: number) => (clock.t += seconds * 1000) };
}

const get = (client: DfClient) => client.http.get(CONTACTS, { params: { limit: 1 } });

describe.each(ERAS)('clients sharing a token store and a refresh lock on DF %s', (era) => {
  it('storm once the token is due: 3 clients × 20 requests → exactly one PUT, all answered, nobody ended', async () => {
    const p = await processes(era, 3);
    p.advance(1.6); // due (0.5 s leeway), not expired
    const requests = p.clients.flatMap((client) => Array.from({ length: 20 }, () => get(client)));
    const answers = await Promise.all(requests);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(p.server.stats.refreshAttempts).toBe(1);
    expect(p.server.stats.byRoute[PUT_SESSION]).toBe(1);
    expect(p.lock.mostAtOnce).toBe(1);
    expect(p.ended).toHaveLength(0);
    // Every client holds the one new token (its claims: local times differ with each client's clock estimate).
    const tokens = new Set(p.clients.map(({ status }) => `${status().token?.exp}/${status().token?.nbf}/${status().token?.iat}`));
    expect(tokens.size).toBe(1);
    expect(p.clients.map((client) => client.status().refreshCount).sort()).toEqual([0, 0, 1]);
  });

  // Not generated for DF 2.9–2.14: they cannot refresh an expired token at all (keep-alive refreshes before expiry).
  if (era !== '2.14') it('storm right after expiry: exactly one PUT, every request answered, nobody ended', async () => {
    const p = await processes(era, 3);
    p.advance(2.5); // expired, inside the refresh window (DF 2.9–2.14 cannot refresh an expired token at all)
    const answers = await Promise.all(p.clients.flatMap((client) => Array.from({ length: 20 }, () => get(client))));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(p.server.stats.refreshAttempts).toBe(1);
    expect(p.server.stats.status401 + p.server.stats.status403).toBe(0);
    expect(p.ended).toHaveLength(0);
  });

  it('without the lock the same storm sends a PUT per client (the race the lock prevents)', async () => {
    const p = await processes(era, 3, false);
    p.advance(1.6);
    await Promise.allSettled(p.clients.map((client) => get(client)));
    expect(p.server.stats.refreshAttempts).toBeGreaterThan(1);
  });

  it('a client idle while another refreshed twice: its next request adopts the newest token, no PUT of its own', async () => {
    const p = await processes(era, 2);
    const [busy, idle] = p.clients as [DfClient, DfClient];
    p.advance(1.6);
    await busy.refresh();
    p.advance(1.6);
    await busy.refresh();
    const newest = p.entry.value;
    p.server.stats.reset();
    const answer = await get(idle);
    expect(answer.status).toBe(200);
    expect(p.server.stats.refreshAttempts).toBe(0);
    expect(p.server.requestLog.at(-1)?.headers['x-dreamfactory-session-token']).toBe(newest);
    expect(idle.status()).toMatchObject({ state: 'active', token: { exp: busy.status().token?.exp } });
    expect(p.ended).toHaveLength(0);
  });
});
