// Classification of transport failures, with real loopback sockets and real TLS handshakes where they can be
// had (refused port, silent server, bad certificates), and Node's error shapes for DNS. Requests go through a
// real DfClient: the session library is where every transport failure gets classified.
import type { AxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { createDfClient, DfError } from '../../../shared/df/index.ts';
import type { TransportFailure } from '../../../shared/df/transport-failure.ts';
import { describeTransportFailure, isTlsCode } from '../../../shared/df/transport-failure.ts';
import { notFound, resolvingAdapter, tinyServer, tlsServer, trustingTestCa } from '../../electron/main/services/fixtures/servers.ts';
import { MemoryTokenStore } from './helpers.ts';
import { closedPortUrl } from '../../fixtures/servers.ts';

function clientFor(url: string, adapter?: AxiosRequestConfig['adapter']) {
  return createDfClient({ baseURL: new URL(url).origin, tokens: new MemoryTokenStore(), adapter });
}

async function failureOf(
  url: string,
  adapter?: AxiosRequestConfig['adapter'],
  timeout = 2000,
): Promise<DfError & { transport: TransportFailure }> {
  try {
    await clientFor(url, adapter).http.get(new URL(url).pathname, { timeout });
  } catch (error) {
    expect(error).toBeInstanceOf(DfError);
    const failure = error as DfError;
    expect(failure.transport).toBeDefined();
    return failure as DfError & { transport: TransportFailure };
  }
  throw new Error('Expected a transport failure.');
}

describe('describeTransportFailure', () => {
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', /self-signed/],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls', /self-signed/],
    ['CERT_HAS_EXPIRED', 'tls', /expired/],
    ['CERT_NOT_YET_VALID', 'tls', /not valid yet/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', /different host name/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', /cannot be verified/],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls', /authority this computer does not know/],
    ['CERT_UNTRUSTED', 'tls', /CERT_UNTRUSTED/],
    ['ERR_DESK_CERT_PIN_MISMATCH', 'tls', /different certificate than the one you trusted.*man-in-the-middle/],
    ['ECONNREFUSED', 'network', /refused/],
    ['ENOTFOUND', 'network', /host name was not found/],
    ['EAI_AGAIN', 'network', /could not be looked up/],
    ['ETIMEDOUT', 'network', /did not answer in time/],
    ['ECONNRESET', 'network', /reset/],
    ['EHOSTUNREACH', 'network', /cannot be reached/],
    ['ERR_DESK_PROXY_UNREACHABLE', 'network', /proxy server .* could not be reached/],
    ['ERR_DESK_PROXY_AUTH', 'network', /proxy server asks for a sign-in \(HTTP 407\)/],
    ['ERR_DESK_PROXY_REFUSED', 'network', /proxy server refused/],
    ['EWHATEVER', 'network', /EWHATEVER/],
  ] as const)('%s → %s', (code, kind, message) => {
    const failure = describeTransportFailure(Object.assign(new Error('raw'), { code }));
    expect(failure.kind).toBe(kind);
    expect(failure.code).toBe(code);
    expect(failure.message).toMatch(message);
    expect(failure.nextStep.length).toBeGreaterThan(10);
  });

  it('never suggests turning certificate checks off', () => {
    for (const code of [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'CERT_UNTRUSTED',
      'ERR_DESK_CERT_PIN_MISMATCH',
    ]) {
      const { nextStep } = describeTransportFailure({ code });
      expect(nextStep).not.toMatch(/NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized|disable|ignore/i);
    }
  });

  it('reads the code from the cause when axios wraps it, and recognises size limits and timeouts by message', () => {
    expect(describeTransportFailure({ code: 'ERR_NETWORK', cause: { code: 'ECONNREFUSED' } }).code).toBe('ECONNREFUSED');
    expect(describeTransportFailure(new Error('maxContentLength size of 5 exceeded')).kind).toBe('too-large');
    expect(describeTransportFailure(new Error('Request body larger than maxBodyLength limit')).kind).toBe('too-large');
    expect(describeTransportFailure(new Error('timeout of 5ms exceeded')).message).toMatch(/in time/);
    expect(describeTransportFailure('odd').message).toMatch(/before the server answered/);
  });

  it('isTlsCode', () => {
    expect(isTlsCode('ERR_TLS_CERT_ALTNAME_INVALID')).toBe(true);
    expect(isTlsCode('ERR_SSL_WRONG_VERSION_NUMBER')).toBe(true);
    expect(isTlsCode('CERT_REVOKED')).toBe(true);
    expect(isTlsCode('ECONNREFUSED')).toBe(false);
    expect(isTlsCode(undefined)).toBe(false);
  });
});

describe('the session library classifies failures over real sockets', () => {
  it('a closed port → ECONNREFUSED', async () => {
    const error = await failureOf(await closedPortUrl());
    expect(error.transport).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(error.kind).toBe('network');
  });

  it('a server that never answers → timeout', async () => {
    const silent = await tinyServer(() => undefined);
    const error = await failureOf(silent.url, undefined, 150);
    expect(error.transport.kind).toBe('network');
    expect(error.transport.message).toMatch(/did not answer in time/);
  });

  it('DNS failure (Node ENOTFOUND from the resolver)', async () => {
    const adapter = resolvingAdapter(notFound);
    const error = await failureOf('https://df.nowhere.test/api/v2', adapter);
    expect(error.transport).toMatchObject({ kind: 'network', code: 'ENOTFOUND' });
  });

  it.each([
    ['self-signed', false, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['expired', true, 'CERT_HAS_EXPIRED'],
    ['wrong-host', true, 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ['unknown-issuer', true, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ] as const)('TLS with a %s certificate → %s', async (certificate, trustCa, code) => {
    const server = await tlsServer(certificate, (_req, res) => res.end('{}'));
    const adapter = trustCa ? trustingTestCa() : undefined;
    const error = await failureOf(`${server.url}/api/v2`, adapter);
    expect(error.transport).toMatchObject({ kind: 'tls', code });
    expect(server.requests).toEqual([]);
  });

  it('the same trust with a valid certificate succeeds (verification is on, not bypassed)', async () => {
    const server = await tlsServer('valid', (_req, res) => res.end('{"ok":true}'));
    const response = await clientFor(server.url, trustingTestCa()).http.get('/x');
    expect(response.data).toEqual({ ok: true });
  });

  it('passes HTTP answers of any status through untouched', async () => {
    const server = await tinyServer((_req, res) => {
      res.statusCode = 500;
      res.end('oops');
    });
    const response = await clientFor(server.url).http.get('/', { validateStatus: () => true });
    expect(response.status).toBe(500);
  });
});
