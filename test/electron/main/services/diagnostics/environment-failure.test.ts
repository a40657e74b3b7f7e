import { describe, expect, it } from 'vitest';
import { describeEnvironmentFailure } from '../../../../../electron/main/services/diagnostics/environment-failure.ts';
import { transportError } from '../../../../../shared/df/errors.ts';
import { DfError } from '../../../../../shared/df/index.ts';

const url = 'https://df.example.com';
const notDf = new DfError('not-dreamfactory', 'not DF');

describe('describeEnvironmentFailure', () => {
  it('transport failures are unreachable, with their next step', () => {
    const failure = describeEnvironmentFailure(transportError({ code: 'ECONNREFUSED' }), undefined, url);
    expect(failure).toMatchObject({ reachable: false, detail: expect.stringMatching(/refused/) });
  });

  it('item2-probe-too-large: an answer over the probe cap means something answered, and it is not DF', () => {
    const error = transportError(new Error('maxContentLength size of 1048576 exceeded'));
    const failure = describeEnvironmentFailure(error, undefined, url);
    expect(failure).toMatchObject({ reachable: true, detail: expect.stringMatching(/too large \(over 1 MB\).*not look like DreamFactory/) });
    expect(failure.nextStep).toContain(`${url}/api/v2`);
  });

  it('unexpected errors are not mistaken for an answer', () => {
    expect(describeEnvironmentFailure(new Error('?'), undefined, url).reachable).toBe(false);
  });

  it('a refused redirect names its target (from the session library message)', () => {
    const error = new DfError('http', 'The server redirected to https://other.example (HTTP 301).', { status: 301 });
    const failure = describeEnvironmentFailure(error, { status: 301, body: '' }, url);
    expect(failure).toMatchObject({ reachable: true, detail: expect.stringContaining('https://other.example') });
  });

  it.each([
    [{ status: 200, contentType: 'text/html; charset=utf-8', body: '<html>' }, /web page \(HTTP 200, text\/html\)/],
    [{ status: 404, contentType: 'text/html', body: '<h1>404</h1>' }, /not found \(HTTP 404, text\/html\)/],
    [{ status: 404, contentType: 'application/json', body: { error: { message: 'No route.' } } }, /error format.*No route\./],
    [{ status: 500, body: '{"error":{"message":"Boom."}}' }, /server error.*Boom\./],
    [{ status: 401, body: { error: { message: 'Nope.' } } }, /refused the environment call.*Nope\./],
    [{ status: 503, contentType: 'text/html', body: 'down' }, /down or starting/],
    [{ status: 200, contentType: 'application/json', body: { a: 1 } }, /not like DreamFactory \(HTTP 200, application\/json\)/],
  ])('%o → %s', (last, detail) => {
    const failure = describeEnvironmentFailure(notDf, last, url);
    expect(failure.reachable).toBe(true);
    expect(failure.detail).toMatch(detail);
    expect(failure.nextStep.length).toBeGreaterThan(10);
  });

  it('the root-address advice shows where DF Desk looked', () => {
    expect(describeEnvironmentFailure(notDf, { status: 404, body: '' }, url).nextStep).toContain(`${url}/api/v2`);
  });
});
