// Keep-alive: the only way to keep an idle DF 2.9–2.14 session. The client and the DF test server share one
// manual clock, and the keep-alive timers fire only as the test moves it; each refresh a timer starts is a real
// loopback request, waited for before the clock moves on.
import { describe, expect, it } from 'vitest';
import type { DfClient, DfClientOptions } from '../../../shared/df/index.ts';
import { DfError } from '../../../shared/df/index.ts';
import type { DfProfile, DfServer, DfServerOptions } from '../../df-server/index.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { JANE } from '../../fixtures/users.ts';
import { CONTACTS, ERAS, MemoryTokenStore, harness, makeClient, refreshSettled } from './helpers.ts';

interface KeepAlive {
  server: DfServer;
  client: DfClient;
  timers: ManualTimers;
  ended: unknown[];
}

/** A keep-alive client and a DF test server on one ManualClock; its timers settle on the client's refreshes. */
async function keepAliveOnManualTime(era: DfProfile, server: DfServerOptions, client: Partial<DfClientOptions>): Promise<KeepAlive> {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const dfTestServer = await dfServer({ profile: era, clock, ...server });
  const ended: unknown[] = [];
  const dfClient = makeClient(dfTestServer.url, new MemoryTokenStore(), {
    keepAlive: true,
    clock,
    timers,
    onSessionEnd: (error) => ended.push(error),
    ...client,
  });
  timers.settle = () => refreshSettled(dfClient);
  return { server: dfTestServer, client: dfClient, timers, ended };
}

describe('keep-alive', () => {
  it.each(ERAS)('DF %s: an idle session stays alive past several TTLs', async (era) => {
    const { server, client, timers, ended } = await keepAliveOnManualTime(era, { ttlSeconds: 1.2 }, { refreshLeewaySeconds: 0.4 });
    await client.login(JANE);
    await timers.advance(4_000); // more than three token lifetimes without a single request
    expect(server.stats.refreshSuccesses).toBeGreaterThanOrEqual(3);
    expect(server.stats.refreshAttempts).toBe(server.stats.refreshSuccesses);
    expect(server.stats.status401 + server.stats.status403).toBe(0);
    const before = server.stats.refreshAttempts;
    expect((await client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    expect(server.stats.status401).toBe(0);
    expect(server.stats.refreshAttempts - before).toBeLessThanOrEqual(1);
    expect(client.status().state).toMatch(/active|refreshing/);
    expect(ended).toHaveLength(0);
  });

  it.each(ERAS)('DF %s: a failed keep-alive refresh is retried before the token expires', async (era) => {
    const { server, client, timers, ended } = await keepAliveOnManualTime(era, { ttlSeconds: 2 }, { refreshLeewaySeconds: 1 });
    await client.login(JANE);
    server.setFault({ kind: 'http500', count: 1 });
    // Keep-alive at 1 s fails; the retry at 1.5 s (half the time left) succeeds; the next is due at 2.5 s.
    await timers.advance(2_400); // past the first token's exp
    expect(server.stats.refreshAttempts).toBe(2);
    expect(server.stats.refreshSuccesses).toBe(1);
    expect((await client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    expect(server.stats.status401).toBe(0);
    expect(ended).toHaveLength(0);
  });

  it('dispose() stops the keep-alive timer', async () => {
    const { server, client, timers } = await keepAliveOnManualTime('latest', { ttlSeconds: 1 }, { refreshLeewaySeconds: 0.5 });
    await client.login(JANE);
    expect(timers.pending.size).toBe(1);
    client.dispose();
    expect(timers.pending.size).toBe(0);
    await timers.advance(1_200); // past the keep-alive point and the token's exp
    expect(server.stats.refreshAttempts).toBe(0);
  });
});

describe.each(ERAS)('idle past exp WITHOUT keep-alive on DF %s', (era) => {
  it(era === '2.14' ? 'the session is lost (DF 2.9–2.14 cannot refresh an expired token)' : 'one refresh of the expired token recovers', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.advance(3);
    if (era === '2.14') {
      expect((await rejection(h.client.http.get(CONTACTS), DfError)).kind).toBe('session-ended');
      expect(h.ended).toHaveLength(1);
    } else {
      expect((await h.client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    }
    expect(h.server.stats.refreshAttempts).toBe(1);
  });
});
