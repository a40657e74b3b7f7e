import { describe, expect, it } from 'vitest';
import { fingerprintForLog, normalizeFingerprint } from '../../../../electron/main/tls/fingerprint.ts';

const hex = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const chromium = `sha256/${Buffer.from(hex, 'hex').toString('base64')}`;
const colonHex = hex.toUpperCase().match(/../g)?.join(':') ?? '';

describe('normalizeFingerprint', () => {
  it('reads Chromium, colon-hex and plain hex forms alike', () => {
    expect(normalizeFingerprint(chromium)).toBe(hex);
    expect(normalizeFingerprint(colonHex)).toBe(hex);
    expect(normalizeFingerprint(hex.toUpperCase())).toBe(hex);
    expect(normalizeFingerprint(`  ${colonHex}\n`)).toBe(hex);
  });

  it('rejects anything that is not a SHA-256', () => {
    for (const bad of ['', 'sha256/abc', 'sha1/AAAA', 'zz'.repeat(32), 'ab'.repeat(20)]) {
      expect(normalizeFingerprint(bad)).toBeNull();
    }
  });
});

describe('fingerprintForLog', () => {
  it('is written AB:CD:… (32 upper-case pairs)', () => {
    expect(fingerprintForLog(hex)).toBe(colonHex);
    expect(colonHex).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
  });
});
