// Chromium's resolveProxy answers, parsed into the choices DF Desk tries.
import { describe, expect, it } from 'vitest';
import { authorityHost, choiceLabel, parseProxyRules, proxyServername } from '../../../../../electron/main/services/network/proxy-rules.ts';

const proxy = (scheme: 'http' | 'https', host: string, port: number) => ({ kind: 'proxy', proxy: { scheme, host, port } });

describe('parseProxyRules', () => {
  it('DIRECT alone', () => {
    expect(parseProxyRules('DIRECT')).toEqual({ choices: [{ kind: 'direct' }], skipped: [], directAdded: false });
  });

  it('a PAC list keeps its order (Chromium writes ";" without spaces, PAC scripts with)', () => {
    expect(parseProxyRules('PROXY corp:8080;HTTPS secure.corp:8443; DIRECT').choices).toEqual([
      proxy('http', 'corp', 8080),
      proxy('https', 'secure.corp', 8443),
      { kind: 'direct' },
    ]);
  });

  it('keywords in any case, default ports, IPv4 and bracketed IPv6', () => {
    expect(parseProxyRules('proxy corp; https corp; PROXY 10.0.0.1:3128; PROXY [::1]:8080; HTTP [fd00::2]').choices).toEqual([
      proxy('http', 'corp', 80),
      proxy('https', 'corp', 443),
      proxy('http', '10.0.0.1', 3128),
      proxy('http', '::1', 8080),
      proxy('http', 'fd00::2', 80),
    ]);
  });

  it('SOCKS and QUIC are skipped; the next entry is used', () => {
    const rules = parseProxyRules('SOCKS5 socks.corp:1080; SOCKS socks.corp:1080; QUIC q.corp:443; PROXY corp:8080');
    expect(rules.choices).toEqual([proxy('http', 'corp', 8080)]);
    expect(rules.skipped).toEqual(['SOCKS5 socks.corp:1080', 'SOCKS socks.corp:1080', 'QUIC q.corp:443']);
    expect(rules.directAdded).toBe(false);
  });

  it('nothing usable: DIRECT rather than no connection at all, and said so', () => {
    const rules = parseProxyRules('SOCKS5 socks.corp:1080');
    expect(rules).toEqual({ choices: [{ kind: 'direct' }], skipped: ['SOCKS5 socks.corp:1080'], directAdded: true });
    expect(parseProxyRules('').choices).toEqual([{ kind: 'direct' }]);
  });

  it('malformed entries are skipped, not guessed at', () => {
    const rules = parseProxyRules('PROXY; PROXY corp:0; PROXY corp:99999; PROXY a b; DIRECT now; PROXY corp:8080');
    expect(rules.choices).toEqual([proxy('http', 'corp', 8080)]);
    expect(rules.skipped).toEqual(['PROXY', 'PROXY corp:0', 'PROXY corp:99999', 'PROXY a b', 'DIRECT now']);
  });
});

describe('choiceLabel and authorityHost', () => {
  it('writes choices the way Chromium does', () => {
    for (const answer of ['DIRECT', 'PROXY corp:8080', 'HTTPS secure.corp:443', 'PROXY [::1]:8080']) {
      const [choice] = parseProxyRules(answer).choices;
      expect(choice === undefined ? '' : choiceLabel(choice)).toBe(answer);
    }
    expect(authorityHost('::1')).toBe('[::1]');
    expect(authorityHost('df.example.com')).toBe('df.example.com');
  });
});

describe('proxyServername', () => {
  it('a named https proxy is verified (and greeted by SNI) as itself', () => {
    expect(proxyServername('proxy.corp.example')).toBe('proxy.corp.example');
  });
  it('an IP address gets no SNI; Node then verifies the IP itself, never the DF host from the Host header', () => {
    expect(proxyServername('10.0.0.8')).toBe('');
    expect(proxyServername('[::1]')).toBe('');
    expect(proxyServername('::1')).toBe('');
  });
});
