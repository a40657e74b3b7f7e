import { describe, expect, it } from 'vitest';
import { createRedactingLogger } from '../../../../electron/main/adapters/redacting-logger.ts';
import { decideCertificateError } from '../../../../electron/main/shell/certificate-policy.ts';
import { REDACTED } from '../../../../shared/secrets.ts';

const hex = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const chromium = `sha256/${Buffer.from(hex, 'hex').toString('base64')}`;
const colonHex = hex.toUpperCase().match(/../g)?.join(':') ?? '';

describe('decideCertificateError', () => {
  const input = { url: 'https://df.example.com/api/v2/system', error: 'net::ERR_CERT_AUTHORITY_INVALID', fingerprint: chromium };

  it('denies and logs it, naming host, error and fingerprint', () => {
    const decision = decideCertificateError(input);
    expect(decision.trust).toBe(false);
    expect(decision.logMessage).toContain('rejected');
    expect(decision.logMessage).toContain('df.example.com');
    expect(decision.logMessage).toContain('net::ERR_CERT_AUTHORITY_INVALID');
    expect(decision.logMessage).toContain(`sha256 ${colonHex}`);
  });

  it('has no trusted-certificate exception: it takes no allow-list and denies every host and port', () => {
    // Chromium-side trust would be a weaker second pin; pins are enforced on the Node side only.
    expect(decideCertificateError.length).toBe(1);
    for (const url of ['https://df.example.com:8443/', 'wss://df.example.com/', 'https://localhost/', 'https://10.0.0.5:443/']) {
      expect(decideCertificateError({ ...input, url }).trust).toBe(false);
    }
  });

  it('names the host with its port, and says so for non-https URLs and unreadable fingerprints', () => {
    expect(decideCertificateError({ ...input, url: 'https://df.example.com:8443/' }).logMessage).toContain('df.example.com:8443');
    expect(decideCertificateError({ ...input, url: 'http://df.example.com/' }).logMessage).toContain('a non-https URL');
    expect(decideCertificateError({ ...input, fingerprint: 'garbage' }).logMessage).toContain('unreadable fingerprint');
  });

  it('never logs the URL path or query, nor anything odd in the error code', () => {
    const withToken = { ...input, url: 'https://df.example.com/api/v2/x?session_token=eyJhbGciOi.abc.def' };
    const decision = decideCertificateError({ ...withToken, error: 'net::ERR_X\n{"level":"info"} <b>' });
    expect(decision.logMessage).not.toContain('session_token');
    expect(decision.logMessage).not.toContain('/api/v2');
    expect(decision.logMessage).not.toContain('\n');
    expect(decision.logMessage).not.toContain('"');
  });
});

describe('the fingerprint in the log', () => {
  const input = { url: 'https://df.example.com/', error: 'net::ERR_CERT_AUTHORITY_INVALID', fingerprint: chromium };

  it('survives the redacting logger (plain 64-hex would be hidden as a key)', () => {
    const lines: string[] = [];
    const logger = createRedactingLogger({ sink: (line) => lines.push(line) });
    logger.warn(decideCertificateError(input).logMessage);
    const messages = lines.map((line) => String((JSON.parse(line) as { message: unknown }).message));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`sha256 ${colonHex}`);
    expect(messages[0]).not.toContain(REDACTED);
  });
});
