import { describe, expect, it } from 'vitest';
import { decodeJwtPayload, hasLegacyClaims, mintTime, readTokenClaims, tokenOwner } from '../../../shared/df/jwt.ts';

function jwt(payload: unknown, header: unknown = { typ: 'JWT', alg: 'HS256' }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode(header)}.${encode(payload)}.c2lnbmF0dXJl`;
}

describe('decodeJwtPayload', () => {
  it('decodes the payload of a compact JWS, including UTF-8 text', () => {
    expect(decodeJwtPayload(jwt({ sub: 'a', name: 'Zoë ☃' }))).toEqual({ sub: 'a', name: 'Zoë ☃' });
  });

  it.each([
    ['not a token', 'hello'],
    ['two segments', 'eyJhIjoxfQ.eyJhIjoxfQ'],
    ['four segments', 'a.b.c.d'],
    ['payload not base64url', 'eyJhIjoxfQ.***.sig'],
    ['payload not JSON', `x.${Buffer.from('nope').toString('base64url')}.s`],
    ['payload an array', `x.${Buffer.from('[1,2]').toString('base64url')}.s`],
    ['payload invalid UTF-8', `x.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.s`],
  ])('returns null for %s', (_label, token) => {
    expect(decodeJwtPayload(token)).toBeNull();
  });
});

describe('readTokenClaims', () => {
  it('reads a modern DF token (sub = md5(email), fractional NumericDates)', () => {
    const claims = readTokenClaims(
      jwt({ sub: '9e26471d35a78862c17e467d87cddedf', user_id: 5, forever: false, iss: 'x', iat: 100.25, exp: 160.25, nbf: 130.5, jti: 'abcdefghijklmnop' }),
    );
    expect(claims).toEqual({ exp: 160.25, iat: 100.25, nbf: 130.5, forever: false, userId: 5, sub: '9e26471d35a78862c17e467d87cddedf', jti: 'abcdefghijklmnop' });
    expect(hasLegacyClaims(claims!)).toBe(false);
    expect(mintTime(claims!)).toBe(130.5);
  });

  it('reads a DF 2.0 token (numeric sub, email claim) and flags its legacy jti scheme', () => {
    const claims = readTokenClaims(jwt({ sub: 1, user_id: 1, email: 'jane@example.com', forever: true, iat: 100, exp: 3700, nbf: 100 }));
    expect(claims?.forever).toBe(true);
    expect(claims?.sub).toBe(1);
    expect(hasLegacyClaims(claims!)).toBe(true);
  });

  it('accepts PHP-style forever values and numeric strings', () => {
    expect(readTokenClaims(jwt({ exp: '200', forever: 1 }))).toMatchObject({ exp: 200, forever: true });
    expect(readTokenClaims(jwt({ exp: 200, forever: '1' }))?.forever).toBe(true);
    expect(readTokenClaims(jwt({ exp: 200, forever: 'false' }))?.forever).toBe(false);
  });

  it('falls back to iat as the mint time when nbf is missing, except for a refreshed token', () => {
    const claims = readTokenClaims(jwt({ exp: 200, iat: 140 }))!;
    expect(mintTime(claims)).toBe(140);
    expect(mintTime(claims, 'login')).toBe(140);
    // A non-forever refresh keeps the login's iat: it says nothing about when this token was minted.
    expect(mintTime(claims, 'refresh')).toBeUndefined();
    expect(mintTime(readTokenClaims(jwt({ exp: 200, iat: 140, nbf: 170 }))!, 'refresh')).toBe(170);
  });

  it('returns null without a numeric exp (not a DF token)', () => {
    expect(readTokenClaims(jwt({ sub: 'x' }))).toBeNull();
    expect(readTokenClaims(jwt({ exp: 'tomorrow' }))).toBeNull();
    expect(readTokenClaims('garbage')).toBeNull();
  });
});

describe('tokenOwner', () => {
  it('prefers user_id and falls back to sub', () => {
    expect(tokenOwner({ exp: 1, forever: false, userId: 3, sub: 'x' })).toBe('id:3');
    expect(tokenOwner({ exp: 1, forever: false, sub: 'x' })).toBe('sub:x');
    expect(tokenOwner({ exp: 1, forever: false })).toBeUndefined();
  });
});
