// What a real, unpatched DreamFactory 7.0.0 answered (docs/dreamfactory-protocol.md §10), replayed on the latest
// profile: where §10 and the source-derived sections disagree, §10 wins, so these pin the server to it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GUEST_ACCESS_API_KEY, startDfServer } from './index.ts';
import type { DfServer } from './index.ts';
import { asRecord, call, login, loginSession, outcome, resourceOf } from './test-helpers.ts';
import type { CallResult } from './test-helpers.ts';

const EXPIRED = 'Token has expired: Session expired. Please refresh your token (if still within refresh window) or re-login.';
const BLACKLISTED = 'The token has been blacklisted: Session terminated. Please re-login.';
const NO_JWT =
  "No session token (JWT) provided. Please provide a valid JWT using X-DreamFactory-Session-Token request header or 'session_token' url query parameter.";
const TTL = 60;
const REFRESH_TTL = 600;
const CONTACTS = '/db/_table/contacts';

describe('§10: DF 7.0.0 observations, latest profile', () => {
  let server: DfServer;

  beforeEach(async () => {
    server = await startDfServer({ profile: 'latest', ttlSeconds: TTL, refreshTtlSeconds: REFRESH_TTL });
  });
  afterEach(async () => {
    await server.close();
  });

  async function refreshed(token: string): Promise<string> {
    const result = await call(server, 'PUT', '/user/session', { token });
    expect(result.status).toBe(200);
    return String(asRecord(result.body).session_token);
  }

  it('old token after a refresh, still valid then: 403 "The token has been blacklisted: Session terminated…"', async () => {
    const old = await login(server);
    server.setClockOffset(TTL / 2);
    const fresh = await refreshed(old);
    expect(outcome(await call(server, 'GET', CONTACTS, { token: old }))).toEqual([403, BLACKLISTED]);
    expect((await call(server, 'GET', CONTACTS, { token: fresh })).status).toBe(200);
  });

  it('old token after a refresh, already expired: 401 "Token has expired…" (expiry is checked before the blacklist)', async () => {
    const old = await login(server);
    server.setClockOffset(TTL + 1);
    const fresh = await refreshed(old);
    expect(outcome(await call(server, 'GET', CONTACTS, { token: old }))).toEqual([401, EXPIRED]);
    expect((await call(server, 'GET', CONTACTS, { token: fresh })).status).toBe(200);
  });

  it('two racing refreshes of one expired token: one wins, the other gets 401 "Token refresh failed. The token has been blacklisted"', async () => {
    const token = await login(server);
    server.setClockOffset(TTL + 1);
    const answers = await Promise.all([
      call(server, 'PUT', '/user/session', { token }),
      call(server, 'PUT', '/user/session', { token }),
    ]);
    const outcomes = answers.map(outcome).sort(([a], [b]) => a - b);
    expect(outcomes).toEqual([
      [200, 'ok'],
      [401, 'Token refresh failed. The token has been blacklisted'],
    ]);
    expect(server.stats.refreshSuccesses).toBe(1);
  });

  it('the refresh answer carries no role / role_id; the login and GET session answers do', async () => {
    const session = await loginSession(server);
    expect(session).toMatchObject({ role: 'mobile_user', role_id: 2 });
    const token = String(session.session_token);
    const current = await call(server, 'GET', '/user/session', { token });
    expect(asRecord(current.body)).toMatchObject({ role: 'mobile_user', role_id: 2 });
    server.setClockOffset(1);
    const renewed = await call(server, 'PUT', '/user/session', { token });
    expect(renewed.status).toBe(200);
    const body = asRecord(renewed.body);
    expect(body.session_token).not.toBe(token);
    expect(body).not.toHaveProperty('role');
    expect(body).not.toHaveProperty('role_id');
  });

  it("an API key alone gets 200 when its app's default role may call the service (guest access)", async () => {
    const result: CallResult = await call(server, 'GET', CONTACTS, { apiKey: GUEST_ACCESS_API_KEY });
    expect(result.status).toBe(200);
    expect(resourceOf(result).length).toBeGreaterThan(0);
    // The role decides, not the missing token: a service outside the role still needs a user.
    expect(outcome(await call(server, 'GET', '/system/user', { apiKey: GUEST_ACCESS_API_KEY }))).toEqual([
      401,
      'Unauthorized. User is not authenticated.',
    ]);
  });

  it('an unknown API key and no token: 400 "No session token (JWT) provided…"', async () => {
    expect(outcome(await call(server, 'GET', CONTACTS, { apiKey: 'no-such-key' }))).toEqual([400, NO_JWT]);
  });

  it('PUT on the session path without a token: 401 "Token refresh failed. Wrong number of segments"', async () => {
    expect(outcome(await call(server, 'PUT', '/user/session'))).toEqual([401, 'Token refresh failed. Wrong number of segments']);
    expect(outcome(await call(server, 'PUT', '/system/admin/session'))).toEqual([
      401,
      'Token refresh failed. Wrong number of segments',
    ]);
  });
});
