// Reading DF's answers inside the client: session objects, failures by phase, and non-DF pages.
import type { AxiosResponse } from 'axios';
import { describe, expect, it } from 'vitest';
import { answerOf, isSuccess, notDreamFactory, parseSession } from '../../../shared/df/responses.ts';
import { token } from './engine-fixtures.ts';

function response(status: number, data: unknown, type = 'application/json'): AxiosResponse {
  return { status, statusText: '', data, headers: { 'content-type': type }, config: {} as AxiosResponse['config'] };
}

describe('responses', () => {
  it('isSuccess is 2xx only', () => {
    expect([199, 200, 204, 299, 300].map(isSuccess)).toEqual([false, true, true, true, false]);
  });

  it('parseSession reads the session object and its token’s claims, from text or objects', () => {
    const t = token({ mint: 1_000 });
    expect(parseSession(JSON.stringify({ session_token: t, id: '3' }))).toMatchObject({ wire: { id: 3 }, claims: { exp: 1_060 } });
    expect(parseSession({ session_token: 'not-a-jwt', id: 3 })).toBeNull();
    expect(parseSession('<html>')).toBeNull();
  });

  it('answerOf classifies by phase: a 401 to a sign-in means bad credentials', () => {
    const body = JSON.stringify({ error: { code: 401, message: 'Nope' } });
    expect(answerOf(response(401, body), 'login').kind).toBe('bad-credentials');
    expect(answerOf(response(401, body), 'request').kind).toBe('forbidden');
  });

  it('notDreamFactory names the status and the content type', () => {
    expect(notDreamFactory(response(200, '<html>', 'text/html; charset=utf-8'), 'the sign-in')).toMatchObject({
      kind: 'not-dreamfactory',
      status: 200,
      message: expect.stringContaining('(HTTP 200, text/html)'),
    });
  });
});
