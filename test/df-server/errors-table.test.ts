// Walks docs/dreamfactory-protocol.md §4's error table row by row for each impersonated era.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_JWT_SECRET, NO_ROLE_API_KEY, startDfServer } from './index.ts';
import type { DfProfile, DfServer } from './index.ts';
import { signJwt } from './jwt-signing.ts';
import { asRecord, call, login, outcome, payloadOf } from './test-helpers.ts';
import { JANE } from '../fixtures/users.ts';

const EXPIRED = 'Token has expired: Session expired. Please refresh your token (if still within refresh window) or re-login.';
const BLACKLISTED = 'The token has been blacklisted: Session terminated. Please re-login.';
const NO_CREDENTIALS =
  'No session token (JWT) or API Key detected in request. Please send in X-DreamFactory-Session-Token and/or X-DreamFactory-API-Key request header. You can also use URL query parameters session_token and/or api_key.';
const NO_API_KEY =
  "No API Key provided. Please provide a valid API Key using X-DreamFactory-API-Key request header or 'api_key' url query parameter.";
const NO_JWT =
  "No session token (JWT) provided. Please provide a valid JWT using X-DreamFactory-Session-Token request header or 'session_token' url query parameter.";
const INVALID_2_0: [number, string] = [400, 'Invalid token supplied.'];

type Row =
  | 'expiredCall'
  | 'expiredGetSession'
  | 'expiredPut'
  | 'windowPassedPut'
  | 'blacklistedCall'
  | 'blacklistedPut'
  | 'badSignatureCall'
  | 'badSignaturePut'
  | 'malformedCall'
  | 'missingClaimsCall'
  | 'userGoneCall'
  | 'futureNbfCall'
  | 'expiredAndBlacklisted'
  | 'noCredentials'
  | 'jwtNoApiKey'
  | 'apiKeyNoRole'
  | 'apiKeyRoleLacks'
  | 'loggedInRoleLacks'
  | 'wrongPassword'
  | 'missingEmail'
  | 'missingPassword'
  | 'adminSessionNone'
  | 'adminSessionNotAdmin'
  | 'badTokenOnEnvironment'
  | 'expiredOnEnvironment'
  | 'expiredDelete'
  | 'badTokenOnLogin';

const MODERN: Record<Row, [number, string]> = {
  expiredCall: [401, EXPIRED],
  expiredGetSession: [401, EXPIRED],
  expiredPut: [200, 'ok'],
  windowPassedPut: [401, 'Token refresh failed. Token has expired and can no longer be refreshed'],
  blacklistedCall: [403, BLACKLISTED],
  blacklistedPut: [401, 'Token refresh failed. The token has been blacklisted'],
  badSignatureCall: [401, 'Invalid token: Token Signature could not be verified.'],
  badSignaturePut: [401, 'Token refresh failed. Token Signature could not be verified.'],
  malformedCall: [401, 'Invalid token: Wrong number of segments'],
  missingClaimsCall: [401, 'Invalid token: JWT payload does not contain the required claims'],
  userGoneCall: [401, 'Invalid token: User verification failed.'],
  futureNbfCall: [401, 'Invalid token: Not Before (nbf) timestamp cannot be in the future'],
  expiredAndBlacklisted: [401, EXPIRED],
  noCredentials: [400, NO_CREDENTIALS],
  jwtNoApiKey: [400, NO_API_KEY],
  apiKeyNoRole: [400, NO_JWT],
  apiKeyRoleLacks: [401, 'Unauthorized. User is not authenticated.'],
  loggedInRoleLacks: [403, "Access Forbidden. GET access to component 'user' of service 'system' is not allowed by this user's role."],
  wrongPassword: [401, 'Invalid credentials supplied.'],
  missingEmail: [400, 'Login request is missing required email.'],
  missingPassword: [400, 'Login request is missing required password.'],
  adminSessionNone: [404, 'No user session found.'],
  adminSessionNotAdmin: [401, 'You are not authorized to perform this action.'],
  badTokenOnEnvironment: [401, 'Invalid token: Wrong number of segments'],
  expiredOnEnvironment: [401, EXPIRED],
  expiredDelete: [401, EXPIRED],
  badTokenOnLogin: [200, 'ok'],
};

const EXPECTED: Record<DfProfile, Record<Row, [number, string]>> = {
  latest: MODERN,
  '2.14': {
    ...MODERN,
    // df-core 0.12 regression: token errors fire before the PUT handler (§8).
    expiredPut: [401, EXPIRED],
    windowPassedPut: [401, EXPIRED],
    blacklistedPut: [403, BLACKLISTED],
    badSignaturePut: [401, 'Invalid token: Token Signature could not be verified.'],
  },
  '2.0': {
    expiredCall: [401, 'Token has expired'],
    expiredGetSession: [401, 'There is no valid session for the current request.'],
    expiredPut: [200, 'ok'],
    windowPassedPut: [401, 'Token has expired and can no longer be refreshed'],
    blacklistedCall: [403, 'The token has been blacklisted'],
    blacklistedPut: [403, 'The token has been blacklisted'],
    badSignatureCall: INVALID_2_0,
    badSignaturePut: INVALID_2_0,
    malformedCall: INVALID_2_0,
    missingClaimsCall: INVALID_2_0,
    userGoneCall: INVALID_2_0,
    futureNbfCall: INVALID_2_0,
    expiredAndBlacklisted: [401, 'Token has expired'],
    noCredentials: [400, 'Bad request. No token or api key provided.'],
    jwtNoApiKey: [403, 'Access Forbidden.'],
    apiKeyNoRole: [401, 'Unauthorized.'],
    apiKeyRoleLacks: [401, 'Unauthorized.'],
    loggedInRoleLacks: [403, 'Access Forbidden.'],
    wrongPassword: [401, 'Invalid credentials supplied.'],
    missingEmail: [400, 'Login request is missing required email.'],
    missingPassword: [400, 'Login request is missing required password.'],
    adminSessionNone: [404, 'No user session found.'],
    adminSessionNotAdmin: [401, 'You are not authorized to perform this action.'],
    badTokenOnEnvironment: INVALID_2_0,
    expiredOnEnvironment: [200, 'ok'],
    expiredDelete: [200, 'ok'],
    badTokenOnLogin: INVALID_2_0,
  },
};

const TTL = 60;
const REFRESH_TTL = 600;
const CONTACTS = '/db/_table/contacts';

describe.each(['latest', '2.14', '2.0'] as const)('§4 error table, profile %s', (profile) => {
  let server: DfServer;
  const expected = EXPECTED[profile];

  beforeEach(async () => {
    server = await startDfServer({ profile, ttlSeconds: TTL, refreshTtlSeconds: REFRESH_TTL });
  });
  afterEach(async () => {
    await server.close();
  });

  function resigned(token: string): string {
    return signJwt(payloadOf(token), 'not-the-server-secret');
  }

  it('expired token, ordinary call', async () => {
    const token = await login(server);
    server.setClockOffset(TTL + 1);
    expect(outcome(await call(server, 'GET', CONTACTS, { token }))).toEqual(expected.expiredCall);
  });

  it('expired token, GET session', async () => {
    const token = await login(server);
    server.setClockOffset(TTL + 1);
    expect(outcome(await call(server, 'GET', '/user/session', { token }))).toEqual(expected.expiredGetSession);
  });

  it('expired token, PUT inside the refresh window', async () => {
    const token = await login(server);
    server.setClockOffset(TTL + 1);
    expect(outcome(await call(server, 'PUT', '/user/session', { token }))).toEqual(expected.expiredPut);
  });

  it('refresh window passed, PUT', async () => {
    const token = await login(server);
    server.setClockOffset(REFRESH_TTL + 1);
    expect(outcome(await call(server, 'PUT', '/user/session', { token }))).toEqual(expected.windowPassedPut);
  });

  it('blacklisted token, ordinary call', async () => {
    const token = await login(server);
    expect((await call(server, 'DELETE', '/user/session', { token })).status).toBe(200);
    expect(outcome(await call(server, 'GET', CONTACTS, { token }))).toEqual(expected.blacklistedCall);
  });

  it('blacklisted token, PUT', async () => {
    const token = await login(server);
    server.blacklistToken(token);
    expect(outcome(await call(server, 'PUT', '/user/session', { token }))).toEqual(expected.blacklistedPut);
  });

  it('bad signature, ordinary call', async () => {
    const token = resigned(await login(server));
    expect(outcome(await call(server, 'GET', CONTACTS, { token }))).toEqual(expected.badSignatureCall);
  });

  it('bad signature, PUT', async () => {
    const token = resigned(await login(server));
    expect(outcome(await call(server, 'PUT', '/user/session', { token }))).toEqual(expected.badSignaturePut);
  });

  it('malformed token (wrong number of segments)', async () => {
    expect(outcome(await call(server, 'GET', CONTACTS, { token: 'abc.def' }))).toEqual(expected.malformedCall);
  });

  it('token missing required claims', async () => {
    const now = Date.now() / 1000;
    const token = signJwt({ iat: now, exp: now + 60, sub: 'x' }, DEFAULT_JWT_SECRET);
    expect(outcome(await call(server, 'GET', CONTACTS, { token }))).toEqual(expected.missingClaimsCall);
  });

  it('token of a user that does not exist', async () => {
    const claims = { ...payloadOf(await login(server)), user_id: 999 };
    const token = signJwt(claims, DEFAULT_JWT_SECRET);
    expect(outcome(await call(server, 'GET', CONTACTS, { token }))).toEqual(expected.userGoneCall);
  });

  it('server clock behind the token (nbf in the future)', async () => {
    const token = await login(server);
    server.setClockOffset(-30);
    expect(outcome(await call(server, 'GET', CONTACTS, { token }))).toEqual(expected.futureNbfCall);
  });

  it('expired and blacklisted reports expired (check order)', async () => {
    const token = await login(server);
    server.blacklistToken(token);
    server.setClockOffset(TTL + 1);
    expect(outcome(await call(server, 'GET', CONTACTS, { token }))).toEqual(expected.expiredAndBlacklisted);
  });

  it('no token and no API key', async () => {
    expect(outcome(await call(server, 'GET', CONTACTS, { apiKey: null }))).toEqual(expected.noCredentials);
  });

  it('JWT but no API key, non-admin', async () => {
    const token = await login(server);
    expect(outcome(await call(server, 'GET', CONTACTS, { token, apiKey: null }))).toEqual(expected.jwtNoApiKey);
  });

  it('API key of an app without a role, no JWT', async () => {
    expect(outcome(await call(server, 'GET', CONTACTS, { apiKey: NO_ROLE_API_KEY }))).toEqual(expected.apiKeyNoRole);
  });

  it('API key whose role lacks permission, not logged in', async () => {
    // The default app's role reads db (guest access); this row needs a role that reaches nothing.
    await server.close();
    server = await startDfServer({ profile, ttlSeconds: TTL, refreshTtlSeconds: REFRESH_TTL, guestRole: false });
    expect(outcome(await call(server, 'GET', CONTACTS))).toEqual(expected.apiKeyRoleLacks);
  });

  it('logged in, role lacks permission', async () => {
    const token = await login(server);
    expect(outcome(await call(server, 'GET', '/system/user', { token }))).toEqual(expected.loggedInRoleLacks);
  });

  it('wrong password', async () => {
    const result = await call(server, 'POST', '/user/session', { body: { email: JANE.email, password: 'nope' } });
    expect(outcome(result)).toEqual(expected.wrongPassword);
  });

  it('missing email / password', async () => {
    const noEmail = await call(server, 'POST', '/user/session', { body: { password: 'x' } });
    expect(outcome(noEmail)).toEqual(expected.missingEmail);
    const noPassword = await call(server, 'POST', '/user/session', { body: { email: JANE.email, password: '' } });
    expect(outcome(noPassword)).toEqual(expected.missingPassword);
  });

  it('GET admin session without a session / as a non-admin', async () => {
    expect(outcome(await call(server, 'GET', '/system/admin/session'))).toEqual(expected.adminSessionNone);
    const token = await login(server);
    expect(outcome(await call(server, 'GET', '/system/admin/session', { token }))).toEqual(expected.adminSessionNotAdmin);
  });

  it('bad token on the public environment path', async () => {
    const result = await call(server, 'GET', '/system/environment', { token: 'abc.def' });
    expect(outcome(result)).toEqual(expected.badTokenOnEnvironment);
  });

  it('expired token on the public environment path', async () => {
    const token = await login(server);
    server.setClockOffset(TTL + 1);
    expect(outcome(await call(server, 'GET', '/system/environment', { token }))).toEqual(expected.expiredOnEnvironment);
  });

  it('expired token on DELETE session', async () => {
    const token = await login(server);
    server.setClockOffset(TTL + 1);
    expect(outcome(await call(server, 'DELETE', '/user/session', { token }))).toEqual(expected.expiredDelete);
  });

  it('a bad token sent with the login POST', async () => {
    const result = await call(server, 'POST', '/user/session', { token: 'abc.def', body: JANE });
    expect(outcome(result)).toEqual(expected.badTokenOnLogin);
  });

  it('error envelope shape', async () => {
    const result = await call(server, 'GET', '/db/_table/nope', { token: await login(server) });
    expect(result.status).toBe(404);
    const envelope = asRecord(asRecord(result.body).error);
    if (profile === '2.0') {
      expect(Object.keys(envelope)).toEqual(['context', 'message', 'code']);
    } else {
      expect(Object.keys(envelope)).toEqual(['code', 'context', 'message', 'status_code']);
      expect(envelope.status_code).toBe(404);
    }
    expect(envelope.code).toBe(404);
    expect(envelope.context).toBeNull();
    // htmlentities: double quotes encoded.
    expect(envelope.message).toBe('Table &quot;nope&quot; does not exist in the database.');
  });
});
