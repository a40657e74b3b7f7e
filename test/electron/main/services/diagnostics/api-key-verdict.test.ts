import { describe, expect, it } from 'vitest';
import { apiKeyVerdict } from '../../../../../electron/main/services/diagnostics/api-key-verdict.ts';

const envelope = (status: number, message: string) => ({ error: { code: status, context: null, message, status_code: status } });

describe('apiKeyVerdict (docs/dreamfactory-protocol.md §4 messages)', () => {
  it.each([
    [200, { resource: [] }, true],
    [401, envelope(401, 'Unauthorized. User is not authenticated.'), true],
    [403, envelope(403, "Access Forbidden. GET access to service 'system' is not allowed by this user's role."), true],
    [404, envelope(404, 'Could not find a service for system'), true],
    [
      400,
      envelope(400, "No session token (JWT) provided. Please provide a valid JWT using X-DreamFactory-Session-Token request header or 'session_token' url query parameter."),
      false,
    ],
    [403, envelope(403, 'Role not found. A role may not be assigned to you or your application.'), false],
    [401, envelope(401, 'Invalid API Key.'), false],
    [
      400,
      envelope(400, 'No session token (JWT) or API Key detected in request. Please send in X-DreamFactory-Session-Token and/or X-DreamFactory-API-Key request header.'),
      false,
    ],
    [400, { error: { context: null, message: 'Bad request. No token or api key provided.', code: 400 } }, false],
    [401, { error: { context: null, message: 'Unauthorized.', code: 401 } }, null],
    [403, { error: { context: null, message: 'Access Forbidden.', code: 403 } }, null],
    [500, envelope(500, 'Something else'), null],
    [502, '<html>Bad gateway</html>', null],
  ])('HTTP %i → %s', (status, body, accepted) => {
    const verdict = apiKeyVerdict(status, body);
    expect(verdict.accepted).toBe(accepted);
    expect(verdict.detail.length).toBeGreaterThan(5);
  });

  it('reads a JSON body that arrived as text', () => {
    expect(apiKeyVerdict(400, JSON.stringify(envelope(400, 'No session token (JWT) provided.'))).accepted).toBe(false);
  });

  it('tells apart "the key never arrived" from "the key is wrong"', () => {
    expect(apiKeyVerdict(400, envelope(400, 'No session token (JWT) or API Key detected in request.')).nextStep).toMatch(/proxy/);
    expect(apiKeyVerdict(400, envelope(400, 'No session token (JWT) provided.')).nextStep).toMatch(/default role/);
  });
});
