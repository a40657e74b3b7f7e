// Base64url and UTF-8 decoding in plain ES2022: shared/ must not lean on Buffer, atob or TextDecoder,
// which are platform globals outside the language.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, index) => [char, index]));

/** Decodes base64url (and plain base64: '+' and '/' are accepted); null if the input is not base64. */
export function base64UrlToBytes(input: string): Uint8Array | null {
  const clean = input.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (clean.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    const value = VALUES.get(char);
    if (value === undefined) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** Strict UTF-8 decoding; null on malformed input. */
export function utf8Decode(bytes: Uint8Array): string | null {
  let escaped = '';
  for (const byte of bytes) escaped += byte < 0x10 ? `%0${byte.toString(16)}` : `%${byte.toString(16)}`;
  try {
    return decodeURIComponent(escaped);
  } catch {
    return null;
  }
}
