// HS256 JWT encode/decode with jwt-auth's failure reasons (docs/dreamfactory-protocol.md §3, §4 "Reasons after 'Invalid token: '").
import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtPayload = Record<string, unknown>;

export type DecodeResult = { ok: true; payload: JwtPayload } | { ok: false; reason: string };

function base64UrlEncode(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function hmac(secret: string, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

export function signJwt(payload: JwtPayload, secret: string): string {
  const header = base64UrlEncode(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const body = base64UrlEncode(JSON.stringify(payload));
  const signature = base64UrlEncode(hmac(secret, `${header}.${body}`));
  return `${header}.${body}.${signature}`;
}

function parseSegment(segment: string): unknown {
  // Buffer.from(base64url) silently skips junk, so validate the alphabet first to report undecodable segments.
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(segment)) throw new Error('Error while decoding from Base64Url, invalid base64 characters detected');
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structure, JSON and signature checks in jwt-auth's order; claims/timestamps are checked by the caller. */
export function decodeJwt(token: string, secret: string): DecodeResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'Wrong number of segments' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  if (headerPart === '' || payloadPart === '' || signaturePart === '') return { ok: false, reason: 'Malformed token' };
  let header: unknown;
  let payload: unknown;
  try {
    header = parseSegment(headerPart);
    payload = parseSegment(payloadPart);
  } catch (error) {
    const detail = error instanceof SyntaxError ? 'Error while decoding to JSON: Syntax error' : String((error as Error).message);
    return { ok: false, reason: `Could not decode token: ${detail}` };
  }
  if (!isObject(header) || !isObject(payload)) {
    return { ok: false, reason: 'Could not decode token: Error while decoding to JSON: Syntax error' };
  }
  const expected = hmac(secret, `${headerPart}.${payloadPart}`);
  const actual = Buffer.from(signaturePart, 'base64url');
  const signatureOk = header.alg === 'HS256' && actual.length === expected.length && timingSafeEqual(actual, expected);
  if (!signatureOk) return { ok: false, reason: 'Token Signature could not be verified.' };
  return { ok: true, payload };
}

/** Reads the payload without any verification (DF does this for `forever` / token_map bookkeeping). */
export function peekPayload(token: string): JwtPayload | null {
  const part = token.split('.')[1];
  if (part === undefined) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return isObject(payload) ? payload : null;
  } catch {
    return null;
  }
}
