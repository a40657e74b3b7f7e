import { describe, expect, it } from 'vitest';
import { createRedactingLogger } from '../../../../electron/main/adapters/redacting-logger.ts';
import {
  decideCertificateError,
  fingerprintForLog,
  normalizeFingerprint,
} from '../../../../electron/main/shell/certificate-policy.ts';

const hex = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const chromium = `sha256/${Buffer.from(hex, 'hex').toString('base64')}`;
const colonHex = hex.toUpperCase().match(/../g)?.join(':') ?? '';
const otherHex = 'ff'.repeat(32);

describe('normalizeFingerprint', () => {
  it('reads Chromium, colon-hex and plain hex forms alike', () => {
    expect(normalizeFingerprint(chromium)).toBe(hex);
    expect(normalizeFingerprint(colonHex)).toBe(hex);
    expect(normalizeFingerprint(hex.toUpperCase())).toBe(hex);
  });
  it('rejects anything that is not a SHA-256', () => {
    for (const bad of ['', 'sha256/abc', 'sha1/AAAA', 'zz'.repeat(32), 'ab'.repeat(20)]) {
      expect(normalizeFingerprint(bad)).toBeNull();
    }
  });
});

describe('decideCertificateError', () => {
  const input = { url: 'https://df.example.com/api/v2/system', error: 'net::ERR_CERT_AUTHORITY_INVALID', fingerprint: chromium };

  it('denies by default (empty allow-list) and logs it', () => {
    const decision = decideCertificateError(input, []);
    expect(decision.trust).toBe(false);
    expect(decision.logMessage).toContain('rejected');
    expect(decision.logMessage).toContain('df.example.com');
  });

  it('allows only the exact fingerprint the user trusted for that host', () => {
    expect(decideCertificateError(input, [{ host: 'df.example.com', fingerprint: colonHex }]).trust).toBe(true);
    expect(decideCertificateError(input, [{ host: 'DF.example.com', fingerprint: chromium }]).trust).toBe(true);
  });

  it('a trusted fingerprint for another host, or another fingerprint for this host, is denied', () => {
    expect(decideCertificateError(input, [{ host: 'other.example.com', fingerprint: hex }]).trust).toBe(false);
    expect(decideCertificateError(input, [{ host: 'df.example.com', fingerprint: otherHex }]).trust).toBe(false);
    expect(decideCertificateError(input, [{ host: 'df.example.com:8443', fingerprint: hex }]).trust).toBe(false);
  });

  it('matches the port as part of the host', () => {
    const onPort = { ...input, url: 'https://df.example.com:8443/' };
    expect(decideCertificateError(onPort, [{ host: 'df.example.com:8443', fingerprint: hex }]).trust).toBe(true);
    expect(decideCertificateError(onPort, [{ host: 'df.example.com', fingerprint: hex }]).trust).toBe(false);
  });

  it('denies non-https URLs and unreadable fingerprints even when listed', () => {
    const trusted = [{ host: 'df.example.com', fingerprint: hex }];
    expect(decideCertificateError({ ...input, url: 'http://df.example.com/' }, trusted).trust).toBe(false);
    expect(decideCertificateError({ ...input, fingerprint: 'garbage' }, trusted).trust).toBe(false);
  });

  it('logs an accepted bypass too, and never the URL path or query', () => {
    const withToken = { ...input, url: 'https://df.example.com/api/v2/x?session_token=eyJhbGciOi.abc.def' };
    const decision = decideCertificateError(withToken, [{ host: 'df.example.com', fingerprint: hex }]);
    expect(decision.trust).toBe(true);
    expect(decision.logMessage).toContain('accepted');
    expect(decision.logMessage).toContain(colonHex);
    expect(decision.logMessage).not.toContain('session_token');
    expect(decision.logMessage).not.toContain('/api/v2');
  });
});

describe('the fingerprint in the log', () => {
  const input = { url: 'https://df.example.com/', error: 'net::ERR_CERT_AUTHORITY_INVALID', fingerprint: chromium };

  it('is written AB:CD:… (32 upper-case pairs)', () => {
    expect(fingerprintForLog(hex)).toBe(colonHex);
    expect(colonHex).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
  });

  it('survives the redacting logger, accepted or rejected (plain 64-hex would be hidden as a key)', () => {
    const lines: string[] = [];
    const logger = createRedactingLogger({ sink: (line) => lines.push(line) });
    for (const trusted of [[], [{ host: 'df.example.com', fingerprint: hex }]]) {
      logger.warn(decideCertificateError(input, trusted).logMessage);
    }
    const messages = lines.map((line) => String((JSON.parse(line) as { message: unknown }).message));
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toContain(`sha256 ${colonHex}`);
      expect(message).not.toContain('[redacted');
    }
  });
});
