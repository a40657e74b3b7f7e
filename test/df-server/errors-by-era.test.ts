import { describe, expect, it } from 'vitest';
import { eraRules } from './era.ts';
import { DfErrorResponse, eraErrors, errorEnvelope } from './errors-by-era.ts';

describe('errorEnvelope', () => {
  it('2.0: context, message, code (no status_code)', () => {
    expect(JSON.stringify(errorEnvelope(eraRules('2.0'), new DfErrorResponse(401, 'x "y"')))).toBe(
      '{"error":{"context":null,"message":"x &quot;y&quot;","code":401}}',
    );
  });

  it('≥2.5: code, context, message, status_code', () => {
    expect(JSON.stringify(errorEnvelope(eraRules('2.14'), new DfErrorResponse(400, 'm', 401)))).toBe(
      '{"error":{"code":401,"context":null,"message":"m","status_code":400}}',
    );
  });
});

describe('eraErrors', () => {
  it('words token errors per era', () => {
    expect(eraErrors(eraRules('2.0')).tokenInvalid('r')).toMatchObject({ status: 400, message: 'Invalid token supplied.' });
    expect(eraErrors(eraRules('latest')).tokenInvalid('r')).toMatchObject({ status: 401, message: 'Invalid token: r' });
    expect(eraErrors(eraRules('2.0')).tokenExpired().message).toBe('Token has expired');
    expect(eraErrors(eraRules('2.14')).tokenBlacklisted()).toMatchObject({ status: 403 });
    expect(eraErrors(eraRules('latest')).forbidden('GET', 'db', '').message).toBe(
      "Access Forbidden. GET access to service 'db' is not allowed by this user's role.",
    );
  });
});
