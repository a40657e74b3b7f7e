// A desk started where the session bus is broken (DBUS_SESSION_BUS_ADDRESS points nowhere), through the real
// keytar adapter: the app still starts, says why secrets are session-only, and sign-in works. This file runs
// in its own process (vitest forks), so the changed environment touches no other test.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDesk, removeDataDirs } from './services/fixtures/desk-harness.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';

process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join('/tmp', `no-bus-${process.pid}`, 'bus')}`;
delete process.env.DISPLAY;

afterAll(() => removeDataDirs());

describe('no usable Secret Service (broken session bus)', () => {
  it('vault health explains; sign-in works in memory; the status says memory', async () => {
    const server = await dfServer();
    const desk = await openDesk({ vaultService: 'DF Desk no-bus test' });
    const health = await desk.api.vault.health();
    expect(health.mode).toBe('session-only');
    expect(health.reason).toMatch(/D-Bus|bus/i);
    expect(health.fix).toEqual(expect.any(String));

    const instance = await desk.api.instances.add({ name: 'A', url: server.url, apiKey: API_KEY });
    const status = await desk.api.session.signIn(instance.id, JANE);
    expect(status).toMatchObject({ state: 'active', persistence: 'memory' });
    const answer = await desk.api.request(instance.id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
    expect(answer.status).toBe(200);
  });
});
