// Keep-alive over real time (the only way to keep an idle DF 2.9–2.14 session). The real-time tests run
// concurrently, one per era, and clean up locally because the shared afterEach would stop the others' servers.
import { describe, expect, it } from 'vitest';
import type { DfClientOptions } from '../../../shared/df/index.ts';
import { createDfClient } from '../../../shared/df/index.ts';
import type { DfProfile, DfServerOptions } from '../../df-server/index.ts';
import { startDfServer } from '../../df-server/index.ts';
import { API_KEY, CONTACTS, ERAS, JANE, MemoryTokenStore, harness, rejection, sleep } from './helpers.ts';

async function withKeepAlive(
  era: DfProfile,
  server: DfServerOptions,
  client: Partial<DfClientOptions>,
  body: (ctx: { server: Awaited<ReturnType<typeof startDfServer>>; client: ReturnType<typeof createDfClient>; ended: unknown[] }) => Promise<void>,
): Promise<void> {
  const dfServer = await startDfServer({ profile: era, ...server });
  const ended: unknown[] = [];
  const dfClient = createDfClient({
    baseURL: dfServer.url,
    apiKey: API_KEY,
    tokens: new MemoryTokenStore(),
    keepAlive: true,
    onSessionEnd: (error) => ended.push(error),
    ...client,
  });
  try {
    await body({ server: dfServer, client: dfClient, ended });
  } finally {
    dfClient.dispose();
    await dfServer.close();
  }
}

describe('keep-alive (real time)', () => {
  it.concurrent.each(ERAS)('DF %s: an idle session stays alive past several TTLs', async (era) => {
    await withKeepAlive(era, { ttlSeconds: 1.2 }, { refreshLeewaySeconds: 0.4 }, async ({ server, client, ended }) => {
      await client.login(JANE);
      await sleep(4_000); // more than three token lifetimes without a single request
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
  });

  it.concurrent.each(ERAS)('DF %s: a failed keep-alive refresh is retried before the token expires', async (era) => {
    await withKeepAlive(era, { ttlSeconds: 2 }, { refreshLeewaySeconds: 1 }, async ({ server, client, ended }) => {
      await client.login(JANE);
      server.setFault({ kind: 'http500', count: 1 });
      await sleep(2_400); // past the first token's exp
      // Real timers on a loaded machine: the next scheduled keep-alive may already have run too, so count
      // "one failure, every other attempt succeeded" rather than an exact total.
      expect(server.stats.refreshAttempts).toBeGreaterThanOrEqual(2);
      expect(server.stats.refreshSuccesses).toBe(server.stats.refreshAttempts - 1);
      expect((await client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
      expect(server.stats.status401).toBe(0);
      expect(ended).toHaveLength(0);
    });
  });

  it.concurrent('dispose() stops the keep-alive timer', async () => {
    await withKeepAlive('latest', { ttlSeconds: 1 }, { refreshLeewaySeconds: 0.5 }, async ({ server, client }) => {
      await client.login(JANE);
      client.dispose();
      await sleep(1_200);
      expect(server.stats.refreshAttempts).toBe(0);
    });
  });
});

describe.each(ERAS)('idle past exp WITHOUT keep-alive on DF %s', (era) => {
  it(era === '2.14' ? 'the session is lost (DF 2.9–2.14 cannot refresh an expired token)' : 'one refresh of the expired token recovers', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    h.advance(3);
    if (era === '2.14') {
      expect((await rejection(h.client.http.get(CONTACTS))).kind).toBe('session-ended');
      expect(h.ended).toHaveLength(1);
    } else {
      expect((await h.client.http.get(CONTACTS, { params: { limit: 1 } })).status).toBe(200);
    }
    expect(h.server.stats.refreshAttempts).toBe(1);
  });
});
