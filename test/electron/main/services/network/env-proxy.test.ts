import { describe, expect, it } from 'vitest';
import { bypassed, envNetworkPort, envProxyFor } from '../../../../../electron/main/services/network/env-proxy.ts';
import type { TrustedCertificates } from '../../../../../electron/main/services/network/network-types.ts';

describe('envProxyFor', () => {
  it('HTTPS_PROXY for https, HTTP_PROXY for http, in Chromium’s format', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128', HTTP_PROXY: 'http://plain.corp:8080' };
    expect(envProxyFor('https://df.example.com/api/v2', env)).toBe('PROXY proxy.corp:3128');
    expect(envProxyFor('http://df.example.com/', env)).toBe('PROXY plain.corp:8080');
  });
  it('an https:// proxy is spoken to over TLS; a bare host:port is an http proxy; lower-case names work', () => {
    expect(envProxyFor('https://df.example.com/', { https_proxy: 'https://secure.corp' })).toBe('HTTPS secure.corp:443');
    expect(envProxyFor('https://df.example.com/', { HTTPS_PROXY: '10.0.0.8:3128' })).toBe('PROXY 10.0.0.8:3128');
  });
  it('nothing configured, or NO_PROXY matching: DIRECT', () => {
    expect(envProxyFor('https://df.example.com/', {})).toBe('DIRECT');
    expect(envProxyFor('https://df.example.com/', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.com' })).toBe('DIRECT');
  });
});

describe('bypassed', () => {
  it('matches suffixes, leading dots, wildcards and ports, not look-alikes', () => {
    expect(bypassed('df.internal', '.internal')).toBe(true);
    expect(bypassed('df.internal', '*.internal')).toBe(true);
    expect(bypassed('localhost', 'localhost:8080')).toBe(true);
    expect(bypassed('anything', '*')).toBe(true);
    expect(bypassed('evilinternal', 'internal')).toBe(false);
    expect(bypassed('df.example.com', '')).toBe(false);
  });
});

describe('envNetworkPort', () => {
  it('answers resolveProxy from the environment and hands over the trusted certificates', async () => {
    const trusted = (): TrustedCertificates => ({ pems: [], sources: {} as TrustedCertificates['sources'] });
    const port = envNetworkPort(trusted, { HTTPS_PROXY: 'http://p.corp:3128' });
    expect(await port.resolveProxy('https://df.example.com/')).toBe('PROXY p.corp:3128');
    expect(port.trustedCertificates).toBe(trusted);
  });
});
