// The contract's certificate fields: a pinned fingerprint is 32 colon-separated hex pairs, stored upper case.
import { describe, expect, it } from 'vitest';
import { instancePatchSchema, newInstanceSchema, probeInputSchema, sha256FingerprintSchema } from '../../../shared/ipc/contract.ts';

const SHA = 'e7:8f:08:ac:7f:a0:a9:9b:b4:47:a1:44:b9:ae:7d:18:35:c1:b0:3d:b3:85:92:63:b9:23:99:aa:f9:74:9e:2c';

describe('sha256FingerprintSchema', () => {
  it('accepts colon hex (any case, trimmed) and upper-cases it', () => {
    expect(sha256FingerprintSchema.parse(` ${SHA} `)).toBe(SHA.toUpperCase());
  });

  it.each([
    ['plain hex', SHA.replace(/:/g, '')],
    ['31 pairs', SHA.slice(3)],
    ['33 pairs', `${SHA}:00`],
    ['not hex', SHA.replace('e7', 'zz')],
    ['base64 form', 'sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ])('refuses %s', (_name, value) => {
    expect(sha256FingerprintSchema.safeParse(value).success).toBe(false);
  });
});

describe('instance and probe payloads', () => {
  it('new instance and probe take an optional pin; a patch may also clear it with null', () => {
    expect(newInstanceSchema.parse({ name: 'a', url: 'https://x', trustedCertificateSha256: SHA }).trustedCertificateSha256).toBe(
      SHA.toUpperCase(),
    );
    expect(newInstanceSchema.safeParse({ name: 'a', url: 'https://x', trustedCertificateSha256: null }).success).toBe(false);
    expect(instancePatchSchema.parse({ trustedCertificateSha256: null }).trustedCertificateSha256).toBeNull();
    expect(probeInputSchema.parse({ url: 'https://x', trustedCertificateSha256: SHA }).trustedCertificateSha256).toBe(
      SHA.toUpperCase(),
    );
    expect(probeInputSchema.safeParse({ url: 'https://x', trustedCertificateSha256: 'nope' }).success).toBe(false);
  });
});
