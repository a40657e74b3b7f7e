import { REDACTED } from '../../../shared/secrets.ts';
import { describe, expect, it } from 'vitest';
import { readBody, redactSessionTokens } from '../../../shared/df/body.ts';

describe('readBody', () => {
  it('parses JSON text, bytes and ArrayBuffers, and passes objects and plain text through', () => {
    const json = '{"error":{"message":"x"}}';
    expect(readBody(json)).toEqual({ error: { message: 'x' } });
    expect(readBody(` ${json}\n`)).toEqual({ error: { message: 'x' } });
    expect(readBody(new Uint8Array(Buffer.from(json)))).toEqual({ error: { message: 'x' } });
    expect(readBody(new Uint8Array(Buffer.from(json)).buffer)).toEqual({ error: { message: 'x' } });
    expect(readBody({ a: 1 })).toEqual({ a: 1 });
    expect(readBody('<html>')).toBe('<html>');
    expect(readBody('{broken')).toBe('{broken');
    expect(readBody('')).toBe('');
  });
});

describe('redactSessionTokens', () => {
  const session = { session_token: 'eyJa.b.c', session_id: 'eyJa.b.c', id: 1, name: 'Jane' };

  it('replaces the token fields of a session object, in the form it came (text or object)', () => {
    expect(JSON.parse(redactSessionTokens(JSON.stringify(session)) as string)).toEqual({
      session_token: `${REDACTED}`,
      session_id: `${REDACTED}`,
      id: 1,
      name: 'Jane',
    });
    expect(redactSessionTokens(session)).toEqual({ ...session, session_token: `${REDACTED}`, session_id: `${REDACTED}` });
    expect(session.session_token).toBe('eyJa.b.c'); // the input is not mutated
  });

  it('returns other bodies untouched', () => {
    const list = { resource: [{ id: 1 }] };
    expect(redactSessionTokens(list)).toBe(list);
    expect(redactSessionTokens('{"success":true}')).toBe('{"success":true}');
    expect(redactSessionTokens('<html>')).toBe('<html>');
    expect(redactSessionTokens([session])).toEqual([session]);
  });
});
