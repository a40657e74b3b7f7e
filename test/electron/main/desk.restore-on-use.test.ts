// restoreSessions: 'on-use' (the desk `dfdesk` opens): a command touches only the session it uses.
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../electron/main/adapters/memory-vault.ts';
import { ManualClock } from '../../fixtures/clocks.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';
import { openDesk, removeDataDirs } from './services/fixtures/desk-harness.ts';

afterAll(() => removeDataDirs());

const PUT = 'PUT /api/v2/user/session';

describe("createDesk({ restoreSessions: 'on-use' })", () => {
  it('restores nothing at open, then only the instance a call touches (refreshing it if due)', async () => {
    const clock = new ManualClock();
    const [dev, prod] = await Promise.all([dfServer({ ttlSeconds: 60, clock }), dfServer({ ttlSeconds: 60, clock })]);
    const vault = createMemoryVault({ mode: 'keychain' });
    const app = await openDesk({ vault, clock });
    const devId = (await app.api.instances.add({ name: 'dev', url: dev.url, apiKey: API_KEY })).id;
    const prodId = (await app.api.instances.add({ name: 'prod', url: prod.url, apiKey: API_KEY })).id;
    await app.api.session.signIn(devId, JANE);
    await app.api.session.signIn(prodId, JANE);
    await app.dispose();
    dev.stats.reset();
    prod.stats.reset();
    clock.t += 61_000;

    const cli = await openDesk({ vault, clock, dataDir: app.dataDir, restoreSessions: 'on-use' });
    expect(dev.stats.requests + prod.stats.requests).toBe(0);
    expect((await cli.api.session.status(devId)).state).toBe('active');
    expect(dev.stats.byRoute[PUT]).toBe(1);
    expect(prod.stats.requests).toBe(0);
    await cli.dispose();
    expect(prod.stats.requests).toBe(0);
  });

  it('the app restores every saved session at launch', async () => {
    const clock = new ManualClock();
    const [dev, prod] = await Promise.all([dfServer({ ttlSeconds: 60, clock }), dfServer({ ttlSeconds: 60, clock })]);
    const vault = createMemoryVault({ mode: 'keychain' });
    const first = await openDesk({ vault, clock });
    for (const server of [dev, prod]) {
      const { id } = await first.api.instances.add({ name: server.url, url: server.url, apiKey: API_KEY });
      await first.api.session.signIn(id, JANE);
    }
    await first.dispose();
    clock.t += 61_000;
    const app = await openDesk({ vault, clock, dataDir: first.dataDir });
    await Promise.all((await app.api.instances.list()).map((instance) => app.api.session.status(instance.id)));
    expect([dev.stats.byRoute[PUT], prod.stats.byRoute[PUT]]).toEqual([1, 1]);
  });
});
