import { REDACTED } from '../../../shared/secrets.ts';
import { describe, expect, it } from 'vitest';
import type { AnswerPhase, DfErrorKind, TokenProblem } from '../../../shared/df/errors.ts';
import {
  DfError,
  classifyAnswer,
  errorFromAnswer,
  isTerminalRefreshAnswer,
  transportError,
  withoutSecrets,
} from '../../../shared/df/errors.ts';

// Envelopes as DF emits them (docs/dreamfactory-protocol.md §4): 2.0–2.4 without status_code, ≥2.5 with it.
const legacy = (message: string, code: number) => ({ error: { context: null, message, code } });
const modern = (message: string, code: number, status = code) => ({ error: { code, context: null, message, status_code: status } });

const EXPIRED_MODERN =
  'Token has expired: Session expired. Please refresh your token (if still within refresh window) or re-login.';
const BLACKLISTED_MODERN = 'The token has been blacklisted: Session terminated. Please re-login.';

interface Row {
  era: string;
  situation: string;
  status: number;
  body: unknown;
  phase?: AnswerPhase;
  kind: DfErrorKind;
  problem?: TokenProblem;
  /** Expected isTerminalRefreshAnswer (only meaningful for PUT answers). */
  terminal: boolean;
  message?: string;
}

const TABLE: Row[] = [
  // Latest (DF ≥3.0)
  { era: 'latest', situation: 'expired token, ordinary call', status: 401, body: modern(EXPIRED_MODERN, 401), kind: 'session-ended', problem: 'expired', terminal: true },
  { era: 'latest', situation: 'refresh window passed, PUT', status: 401, body: modern('Token refresh failed. Token has expired and can no longer be refreshed', 401), phase: 'refresh', kind: 'session-ended', problem: 'window-passed', terminal: true },
  { era: 'latest', situation: 'blacklisted token, ordinary call', status: 403, body: modern(BLACKLISTED_MODERN, 403), kind: 'session-ended', problem: 'blacklisted', terminal: true },
  { era: 'latest', situation: 'blacklisted token, PUT', status: 401, body: modern('Token refresh failed. The token has been blacklisted', 401), phase: 'refresh', kind: 'session-ended', problem: 'refresh-failed', terminal: true },
  { era: 'latest', situation: 'bad signature', status: 401, body: modern('Invalid token: Token Signature could not be verified.', 401), kind: 'session-ended', problem: 'invalid', terminal: true },
  { era: 'latest', situation: 'malformed token, PUT', status: 401, body: modern('Token refresh failed. Wrong number of segments', 401), phase: 'refresh', kind: 'session-ended', problem: 'refresh-failed', terminal: true },
  { era: 'latest', situation: 'no token and no API key', status: 400, body: modern('No session token (JWT) or API Key detected in request. Please send in X-DreamFactory-Session-Token and/or X-DreamFactory-API-Key request header. You can also use URL query parameters session_token and/or api_key.', 400), kind: 'bad-request', terminal: false },
  { era: 'latest', situation: 'JWT without API key', status: 400, body: modern("No API Key provided. Please provide a valid API Key using X-DreamFactory-API-Key request header or 'api_key' url query parameter.", 400), kind: 'bad-request', terminal: false },
  { era: 'latest', situation: 'not authenticated', status: 401, body: modern('Unauthorized. User is not authenticated.', 401), kind: 'forbidden', terminal: true },
  { era: 'latest', situation: 'role lacks permission (htmlentities)', status: 403, body: modern('Access Forbidden. GET access to component &#039;_table/x&#039; of service &#039;db&#039; is not allowed by this user&#039;s role.', 403), kind: 'forbidden', terminal: false, message: "Access Forbidden. GET access to component '_table/x' of service 'db' is not allowed by this user's role." },
  { era: 'latest', situation: 'wrong password', status: 401, body: modern('Invalid credentials supplied.', 401), phase: 'login', kind: 'bad-credentials', terminal: true },
  { era: 'latest', situation: 'missing login field', status: 400, body: modern('Login request is missing required email.', 400), phase: 'login', kind: 'bad-request', terminal: false },
  { era: 'latest', situation: 'no admin session', status: 404, body: modern('No user session found.', 404), kind: 'not-found', terminal: false },
  { era: 'latest', situation: 'not an admin', status: 401, body: modern('You are not authorized to perform this action.', 401), kind: 'forbidden', terminal: true },
  { era: 'latest', situation: 'unknown table (htmlentities)', status: 404, body: modern('Table &quot;x&quot; does not exist in the database.', 404), kind: 'not-found', terminal: false, message: 'Table "x" does not exist in the database.' },
  { era: 'latest', situation: 'server error', status: 500, body: modern('Internal Server Error (injected fault).', 500), kind: 'server', terminal: false },
  // DF 2.9–2.14
  { era: '2.14', situation: 'expired token, PUT (regression)', status: 401, body: modern(EXPIRED_MODERN, 401), phase: 'refresh', kind: 'session-ended', problem: 'expired', terminal: true },
  { era: '2.14', situation: 'blacklisted token, PUT', status: 403, body: modern(BLACKLISTED_MODERN, 403), phase: 'refresh', kind: 'session-ended', problem: 'blacklisted', terminal: true },
  { era: '2.9', situation: 'invalid token (HTTP 400, code 401)', status: 400, body: modern('Invalid token: Wrong number of segments', 401, 400), kind: 'session-ended', problem: 'invalid', terminal: true },
  // DF 2.0–2.8
  { era: '2.1', situation: 'expired token (short wording)', status: 401, body: legacy('Token has expired', 401), kind: 'session-ended', problem: 'expired', terminal: true },
  { era: '2.1', situation: 'window passed, PUT', status: 401, body: legacy('Token has expired and can no longer be refreshed', 401), phase: 'refresh', kind: 'session-ended', problem: 'window-passed', terminal: true },
  { era: '2.1', situation: 'blacklisted token, PUT (raw 500)', status: 500, body: legacy('The token has been blacklisted', 500), phase: 'refresh', kind: 'session-ended', problem: 'blacklisted', terminal: true },
  { era: '2.1', situation: 'no token or key', status: 400, body: legacy('Bad request. No token or api key provided.', 400), kind: 'bad-request', terminal: false },
  { era: '2.1', situation: 'expired token on GET session', status: 401, body: legacy('There is no valid session for the current request.', 401), kind: 'forbidden', terminal: true },
  { era: '2.0', situation: 'invalid token', status: 400, body: legacy('Invalid token supplied.', 400), kind: 'session-ended', problem: 'invalid', terminal: true },
  { era: '2.0', situation: 'blacklisted token', status: 403, body: legacy('The token has been blacklisted', 403), kind: 'session-ended', problem: 'blacklisted', terminal: true },
  { era: '2.0', situation: 'JWT without API key', status: 403, body: legacy('Access Forbidden.', 403), kind: 'forbidden', terminal: false },
  { era: '2.0', situation: 'unauthorized', status: 401, body: legacy('Unauthorized.', 401), kind: 'forbidden', terminal: true },
  { era: '2.0', situation: 'login refused', status: 401, body: legacy('Unauthorized.', 401), phase: 'login', kind: 'bad-credentials', terminal: true },
  // Not DreamFactory
  { era: 'none', situation: 'HTML 404 page', status: 404, body: '<!doctype html><h1>Not Found</h1>', kind: 'not-dreamfactory', terminal: false },
  { era: 'none', situation: 'HTML 200 page at login', status: 200, body: '<html>welcome</html>', phase: 'login', kind: 'not-dreamfactory', terminal: false },
  { era: 'none', situation: 'JSON 500 without envelope', status: 500, body: { message: 'boom' }, kind: 'not-dreamfactory', terminal: false },
  { era: 'none', situation: 'OAuth-style 401', status: 401, body: { error: 'invalid_token' }, kind: 'not-dreamfactory', terminal: false },
  { era: 'none', situation: 'gateway 502 page', status: 502, body: '<html>Bad Gateway</html>', kind: 'server', terminal: false },
  { era: 'none', situation: '503 without body', status: 503, body: '', kind: 'server', terminal: false },
];

describe('classifyAnswer', () => {
  it.each(TABLE)('$era: $situation → $kind', (row) => {
    const answer = classifyAnswer(row.status, row.body, row.phase === undefined ? {} : { phase: row.phase });
    expect(answer.kind).toBe(row.kind);
    expect(answer.tokenProblem).toBe(row.problem);
    expect(answer.status).toBe(row.status);
    if (row.message !== undefined) expect(answer.message).toBe(row.message);
    expect(isTerminalRefreshAnswer(answer)).toBe(row.terminal);
  });

  it('keeps DF’s message, code and context', () => {
    const body = { error: { code: 400, context: { resource: [{ error: 'x' }] }, message: 'Batch failed.', status_code: 400 } };
    const error = errorFromAnswer(classifyAnswer(400, body));
    expect(error).toBeInstanceOf(DfError);
    expect(error).toMatchObject({ kind: 'bad-request', status: 400, code: 400, message: 'Batch failed.' });
    expect(error.context).toEqual({ resource: [{ error: 'x' }] });
  });

  it('names the status and content type of a non-DF answer', () => {
    const answer = classifyAnswer(404, '<html></html>', { contentType: 'text/html; charset=utf-8' });
    expect(answer.message).toContain('HTTP 404, text/html');
  });
});

describe('transportError', () => {
  it('maps socket errors to network errors that name the code', () => {
    const error = transportError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
    expect(transportError(Object.assign(new Error('x'), { code: 'ECONNRESET' })).message).toContain('reset');
    expect(transportError(Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' })).message).toContain('canceled');
    expect(transportError(new Error('weird')).kind).toBe('network');
  });

  it('returns DfErrors unchanged', () => {
    const original = new DfError('http', 'x');
    expect(transportError(original)).toBe(original);
  });
});

describe('secrets in messages', () => {
  it('DfError never keeps JWT-shaped text', () => {
    const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const error = new DfError('http', `bad token ${token} here`);
    expect(error.message).not.toContain(token);
    expect(error.message).toBe(`bad token ${REDACTED} here`);
  });

  it('withoutSecrets removes the API key and other given secrets', () => {
    const error = new DfError('bad-request', 'Unknown key test-api-key-123 for user', { status: 400, code: 400 });
    const clean = withoutSecrets(error, ['test-api-key-123', null, undefined]);
    expect(clean.message).toBe(`Unknown key ${REDACTED} for user`);
    expect(clean).toMatchObject({ kind: 'bad-request', status: 400, code: 400 });
    expect(withoutSecrets(error, ['absent'])).toBe(error);
  });

  it("withoutSecrets also cleans DF's context and a transport failure's message", () => {
    const batch = new DfError('bad-request', 'Batch failed.', { context: { errors: [{ message: 'bad key test-api-key-123' }] } });
    expect(JSON.stringify(withoutSecrets(batch, ['test-api-key-123']).context)).not.toContain('test-api-key-123');
    const down = transportError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }));
    const quoted = new DfError('network', down.message, { transport: { ...down.transport!, message: 'refused test-api-key-123' } });
    expect(withoutSecrets(quoted, ['test-api-key-123']).transport?.message).toBe(`refused ${REDACTED}`);
  });
});
