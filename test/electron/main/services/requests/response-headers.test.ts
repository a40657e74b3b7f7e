import { AxiosHeaders } from 'axios';
import { describe, expect, it } from 'vitest';
import { toHeaderMap } from '../../../../../electron/main/services/requests/response-headers.ts';
import { REDACTED } from '../../../../../shared/secrets.ts';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE5OTk5OTk5OTl9.c2ln';

describe('toHeaderMap', () => {
  it('lower-cases names, joins multi-value headers, drops cookies and empty values', () => {
    const headers = new AxiosHeaders({
      'Content-Type': 'application/json',
      'X-Multi': ['a', 'b'],
      'Set-Cookie': ['session=abc; HttpOnly'],
      'Content-Length': 12,
    });
    expect(toHeaderMap(headers, [])).toEqual({ 'content-type': 'application/json', 'x-multi': 'a, b', 'content-length': '12' });
  });

  it('accepts a plain object and scrubs credentials from values', () => {
    expect(
      toHeaderMap({ 'X-Echo-Token': jwt, 'X-Echo-Key': 'key=my-secret-key', Empty: undefined, Nothing: null }, ['my-secret-key']),
    ).toEqual({ 'x-echo-token': REDACTED, 'x-echo-key': `key=${REDACTED}` });
  });

  it('returns an empty map for anything else', () => {
    expect(toHeaderMap(undefined, [])).toEqual({});
    expect(toHeaderMap('text', [])).toEqual({});
  });
});
