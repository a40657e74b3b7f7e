// The CA list DF requests trust: bundled + the system store + NODE_EXTRA_CA_CERTS, with real certificate files.
import { readFileSync } from 'node:fs';
import * as nodeTls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTrustedCertificates, pemCertificates } from '../../../../../electron/main/services/network/system-trust.ts';
import type { TlsCertificateSource } from '../../../../../electron/main/services/network/system-trust.ts';

const tlsFile = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url)), 'utf8');
const PRIVATE_CA = tlsFile('private-ca.crt');
const TEST_CA = tlsFile('ca.crt');
const BUNDLED = nodeTls.rootCertificates.slice(0, 3);
const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};

const withSystem = (system: string[] | Error): TlsCertificateSource => ({
  rootCertificates: BUNDLED,
  getCACertificates: () => {
    if (system instanceof Error) throw system;
    return system;
  },
});

describe('loadTrustedCertificates', () => {
  it('bundled, then the system store, then NODE_EXTRA_CA_CERTS, without duplicates', () => {
    const trusted = loadTrustedCertificates({
      tls: withSystem([PRIVATE_CA, BUNDLED[0] ?? '']),
      env: { NODE_EXTRA_CA_CERTS: '/etc/corp/ca.pem' },
      readFile: (path) => (path === '/etc/corp/ca.pem' ? `${TEST_CA}\n${PRIVATE_CA.replace(/\n/g, '\r\n')}` : noFile(path)),
    });
    expect(trusted.pems).toHaveLength(BUNDLED.length + 2);
    expect(trusted.pems.slice(0, 3)).toEqual(BUNDLED);
    expect(trusted.pems[3]).toBe(PRIVATE_CA);
    expect(trusted.pems[4]?.replace(/\s/g, '')).toBe(TEST_CA.replace(/\s/g, ''));
    expect(trusted.sources).toEqual({ bundled: 3, system: 2, extra: 2, problems: [] });
  });

  it('a runtime without getCACertificates (Node < 22.15, like this Node) keeps the bundled list and says why', () => {
    const legacy = { rootCertificates: BUNDLED };
    const trusted = loadTrustedCertificates({ tls: legacy, env: {}, readFile: noFile });
    expect(trusted.pems).toEqual(BUNDLED);
    expect(trusted.sources.system).toBeNull();
    expect(trusted.sources.problems).toEqual([expect.stringMatching(/cannot read the system's trusted certificates.*22\.15/)]);
    if (typeof (nodeTls as TlsCertificateSource).getCACertificates !== 'function') {
      // The real module of this runtime takes the same path.
      expect(loadTrustedCertificates({ tls: nodeTls, env: {}, readFile: noFile }).sources.system).toBeNull();
    }
  });

  it('a system store that fails to read is a problem, not a crash', () => {
    const trusted = loadTrustedCertificates({ tls: withSystem(new Error('keychain locked')), env: {}, readFile: noFile });
    expect(trusted.pems).toEqual(BUNDLED);
    expect(trusted.sources.problems).toEqual(["The system's trusted certificates could not be read (keychain locked)."]);
  });

  it('NODE_EXTRA_CA_CERTS: unreadable, empty, or with a broken block', () => {
    const load = (text: string | null) =>
      loadTrustedCertificates({
        tls: withSystem([]),
        env: { NODE_EXTRA_CA_CERTS: '/x/ca.pem' },
        readFile: (path) => (text === null ? noFile(path) : text),
      }).sources;
    expect(load(null)).toMatchObject({ extra: 0, problems: ['NODE_EXTRA_CA_CERTS names /x/ca.pem, which could not be read (ENOENT).'] });
    expect(load('nothing here')).toMatchObject({ extra: 0, problems: ['/x/ca.pem (NODE_EXTRA_CA_CERTS) holds no PEM certificate.'] });
    const broken = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n';
    expect(load(`${broken}${PRIVATE_CA}`)).toMatchObject({
      extra: 1,
      problems: ['/x/ca.pem (NODE_EXTRA_CA_CERTS) holds 1 certificate(s) that do not parse; they were skipped.'],
    });
  });

  it('an empty or blank NODE_EXTRA_CA_CERTS is not set', () => {
    const trusted = loadTrustedCertificates({ tls: withSystem([]), env: { NODE_EXTRA_CA_CERTS: '  ' }, readFile: noFile });
    expect(trusted.sources).toEqual({ bundled: 3, system: 0, extra: 0, problems: [] });
  });

  it('the list builds a secure context (one malformed certificate would break every connection)', () => {
    const trusted = loadTrustedCertificates({ tls: withSystem([PRIVATE_CA]), env: {}, readFile: noFile });
    expect(() => nodeTls.createSecureContext({ ca: [...trusted.pems] })).not.toThrow();
  });
});

describe('pemCertificates', () => {
  it('splits a bundle and counts what does not parse', () => {
    expect(pemCertificates(`junk\n${PRIVATE_CA}\n${TEST_CA}`).pems).toHaveLength(2);
    expect(pemCertificates('-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----')).toEqual({ pems: [], invalid: 1 });
  });
});
