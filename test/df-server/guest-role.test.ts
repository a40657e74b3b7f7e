// Guest access (docs/dreamfactory-protocol.md §4, §10): a real DF answers a request that carries only an API key
// whose app has a default role with 200, no session needed. The default app's role reads db; `guestRole: false`
// gives it a role that reaches nothing, for tests about a key that is refused without a user.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';
import { asRecord, call, login, outcome, resourceOf, serverPerTest } from './test-helpers.ts';

const CONTACTS = '/db/_table/contacts';
const NOT_AUTHENTICATED = 'Unauthorized. User is not authenticated.';

const start = serverPerTest();

function serviceNames(body: unknown): string[] {
  const services = asRecord(body).services;
  if (!Array.isArray(services)) throw new Error('no services list');
  return services.map((service) => String(asRecord(service).name));
}

describe.each(['latest', '2.14', '2.0'] as const)('guest role, profile %s', (profile) => {
  const lacks = profile === '2.0' ? 'Unauthorized.' : NOT_AUTHENTICATED;

  it('by default the API key alone reads db (200, no session), but may not write or reach other services', async () => {
    const srv = await start({ profile });
    const read = await call(srv, 'GET', CONTACTS);
    expect(read.status).toBe(200);
    expect(resourceOf(read).length).toBeGreaterThan(0);
    expect((await call(srv, 'GET', '/db/_schema/contacts')).status).toBe(200);
    // The role reads only: a write still needs a user.
    expect(outcome(await call(srv, 'POST', CONTACTS, { body: { resource: [{ first_name: 'Guest', last_name: 'User' }] } }))).toEqual([
      401,
      lacks,
    ]);
    expect(outcome(await call(srv, 'GET', '/system/user'))).toEqual([401, lacks]);
  });

  it('guestRole: false gives the app a role that reaches nothing: the key alone is refused', async () => {
    const srv = await start({ profile, guestRole: false });
    expect(outcome(await call(srv, 'GET', CONTACTS))).toEqual([401, lacks]);
  });

  it("a signed-in user keeps their own role, whatever the app's default role", async () => {
    for (const guestRole of [true, false]) {
      const srv = await start({ profile, guestRole });
      const token = await login(srv);
      const created = await call(srv, 'POST', CONTACTS, { token, body: { resource: [{ first_name: 'Jane', last_name: 'Doe' }] } });
      expect(created.status).toBe(200);
      await srv.close();
    }
  });
});

describe('guest role: the service list (DF ≥2.9 lists only what the role reaches)', () => {
  it('lists db for the API key alone by default, and nothing with guestRole: false', async () => {
    const guest = await start();
    expect(serviceNames((await call(guest, 'GET', '')).body)).toEqual(['db']);
    await guest.close();
    const closed = await start({ guestRole: false });
    expect(serviceNames((await call(closed, 'GET', '')).body)).toEqual([]);
  });

  it('an unknown key lists nothing, with 200: the root is open to every caller', async () => {
    const srv = await start();
    const root = await call(srv, 'GET', '', { apiKey: 'no-such-key' });
    expect(root.status).toBe(200);
    expect(serviceNames(root.body)).toEqual([]);
  });
});

describe('guest role: the CLI switch', () => {
  it('--no-guest-role sets guestRole: false', () => {
    expect(parseCliArgs(['--no-guest-role'])).toEqual({ guestRole: false });
  });
});
