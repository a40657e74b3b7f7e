import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeJwt, peekPayload, signJwt } from './jwt-signing.ts';

const SECRET = 'secret';

describe('signJwt / decodeJwt', () => {
  it('round-trips an HS256 token verifiable by an independent HMAC', () => {
    const token = signJwt({ sub: 'a', iat: 1.5 }, SECRET);
    const [header, payload, signature] = token.split('.');
    const expected = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    expect(signature).toBe(expected);
    expect(decodeJwt(token, SECRET)).toEqual({ ok: true, payload: { sub: 'a', iat: 1.5 } });
  });

  it.each([
    ['a.b', 'Wrong number of segments'],
    ['a.b.c.d', 'Wrong number of segments'],
    ['a..c', 'Malformed token'],
    ['!!!.e30.c2ln', 'Could not decode token: Error while decoding from Base64Url, invalid base64 characters detected'],
    [`${Buffer.from('not json').toString('base64url')}.e30.c2ln`, 'Could not decode token: Error while decoding to JSON: Syntax error'],
  ])('%s -> %s', (token, reason) => {
    expect(decodeJwt(token, SECRET)).toEqual({ ok: false, reason });
  });

  it('rejects a wrong secret, a tampered payload and a non-HS256 header', () => {
    const token = signJwt({ sub: 'a' }, SECRET);
    const reason = { ok: false, reason: 'Token Signature could not be verified.' };
    expect(decodeJwt(token, 'other')).toEqual(reason);
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${Buffer.from('{"sub":"b"}').toString('base64url')}.${signature}`;
    expect(decodeJwt(tampered, SECRET)).toEqual(reason);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.${signature}`;
    expect(decodeJwt(none, SECRET)).toEqual(reason);
  });

  it('peekPayload reads without verifying', () => {
    expect(peekPayload(signJwt({ x: 1 }, 'whatever'))).toEqual({ x: 1 });
    expect(peekPayload('garbage')).toBeNull();
  });
});
