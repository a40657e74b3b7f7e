import { describe, expect, it } from 'vitest';
import { base64UrlToBytes, utf8Decode } from '../../../shared/df/encoding.ts';

describe('base64UrlToBytes', () => {
  it.each(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', '\u00ff\u00fe binary?', 'Zoë ☃ 𝄞'])('round-trips %j like Buffer', (text) => {
    const bytes = Buffer.from(text, 'utf8');
    expect(Buffer.from(base64UrlToBytes(bytes.toString('base64url'))!)).toEqual(bytes);
    expect(Buffer.from(base64UrlToBytes(bytes.toString('base64'))!)).toEqual(bytes);
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(base64UrlToBytes('ab$d')).toBeNull();
    expect(base64UrlToBytes('abcde')).toBeNull();
  });
});

describe('utf8Decode', () => {
  it('decodes multi-byte sequences', () => {
    expect(utf8Decode(new Uint8Array(Buffer.from('Zoë ☃ 𝄞')))).toBe('Zoë ☃ 𝄞');
  });

  it('returns null for malformed UTF-8', () => {
    expect(utf8Decode(new Uint8Array([0xc3]))).toBeNull();
    expect(utf8Decode(new Uint8Array([0xff]))).toBeNull();
  });
});
