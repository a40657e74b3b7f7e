// CONNECT tunnels through a real loopback proxy, and what each way of failing says.
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { connect as tlsConnect, createSecureContext } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProxyServer } from '../../../../../electron/main/services/network/proxy-rules.ts';
import {
  connectDirect,
  openTunnel,
  PROXY_AUTH_CODE,
  PROXY_REFUSED_CODE,
  PROXY_UNREACHABLE_CODE,
  ProxyError,
} from '../../../../../electron/main/services/network/tunnel.ts';
import { loopbackProxy, silentPort } from '../fixtures/connect-proxy.ts';
import { PRIVATE_CA } from '../fixtures/network-port.ts';
import { sendJson, tlsServer } from '../fixtures/servers.ts';
import { onCleanup } from '../../../../fixtures/cleanup.ts';
import { rejection } from '../../../../fixtures/rejection.ts';
import { closedPort } from '../../../../fixtures/servers.ts';

const TEST_CA = readFileSync(fileURLToPath(new URL('../fixtures/tls/ca.crt', import.meta.url)), 'utf8');
const httpProxy = (port: number): ProxyServer => ({ scheme: 'http', host: '127.0.0.1', port });
const kept = (socket: Socket) => {
  onCleanup(() => {
    socket.destroy();
  });
  return socket;
};

/** A TLS handshake over `socket` trusting the test CA; resolves with the server's certificate subject. */
function handshake(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({ socket, ca: [TEST_CA], servername: 'localhost' }, () => {
      resolve(secure.getPeerX509Certificate()?.subject ?? '');
      secure.destroy();
    });
    secure.once('error', reject);
  });
}

describe('openTunnel', () => {
  it('the proxy relays to host:port; TLS runs end to end over the tunnel', async () => {
    const server = await tlsServer('valid', (_req, res) => sendJson(res, 200, {}));
    const proxy = await loopbackProxy();
    const socket = kept(await openTunnel({ proxy: httpProxy(proxy.port), host: '127.0.0.1', port: server.port, timeoutMs: 5000 }));
    expect(await handshake(socket)).toMatch(/CN=127\.0\.0\.1/);
    expect(proxy.connects).toEqual([`127.0.0.1:${server.port}`]);
  });

  it('407: a proxy sign-in, reported (never guessed at)', async () => {
    const proxy = await loopbackProxy();
    proxy.refuse(407);
    const error = await rejection(openTunnel({ proxy: httpProxy(proxy.port), host: 'df.corp', port: 443, timeoutMs: 5000 }), ProxyError);
    expect(error).toMatchObject({ code: PROXY_AUTH_CODE, status: 407 });
    expect(error.message).toBe(`The proxy PROXY 127.0.0.1:${proxy.port} asks for a sign-in (HTTP 407) to reach df.corp:443.`);
  });

  it('403: the proxy refuses the target; IPv6 targets are bracketed in the CONNECT line', async () => {
    const proxy = await loopbackProxy();
    proxy.refuse(403);
    const error = await rejection(openTunnel({ proxy: httpProxy(proxy.port), host: '::1', port: 8443, timeoutMs: 5000 }), ProxyError);
    expect(error).toMatchObject({ code: PROXY_REFUSED_CODE, status: 403 });
    expect(proxy.connects).toEqual(['[::1]:8443']);
  });

  it('nothing listens at the proxy: unreachable, with the cause', async () => {
    const port = await closedPort();
    const error = await rejection(openTunnel({ proxy: httpProxy(port), host: 'df.corp', port: 443, timeoutMs: 5000 }), ProxyError);
    expect(error.code).toBe(PROXY_UNREACHABLE_CODE);
    expect(error.message).toBe(`The proxy PROXY 127.0.0.1:${port} could not be reached (ECONNREFUSED).`);
    expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('a proxy that never answers: unreachable once the time is up', async () => {
    const port = await silentPort();
    const started = Date.now();
    const error = await rejection(openTunnel({ proxy: httpProxy(port), host: 'df.corp', port: 443, timeoutMs: 150 }), ProxyError);
    expect(error.code).toBe(PROXY_UNREACHABLE_CODE);
    expect(error.message).toMatch(/did not answer within 0\.15 s/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an "HTTPS" proxy: its own certificate is checked against the trusted list', async () => {
    const server = await tlsServer('valid', (_req, res) => sendJson(res, 200, {}));
    const proxy = await loopbackProxy({ tls: true });
    const tlsProxy: ProxyServer = { scheme: 'https', host: '127.0.0.1', port: proxy.port };
    const trusting = () => createSecureContext({ ca: [PRIVATE_CA] });
    const socket = kept(await openTunnel({ proxy: tlsProxy, host: '127.0.0.1', port: server.port, timeoutMs: 5000, secureContext: trusting }));
    expect(await handshake(socket)).toMatch(/CN=127\.0\.0\.1/);

    const untrusted = await rejection(openTunnel({ proxy: tlsProxy, host: '127.0.0.1', port: server.port, timeoutMs: 5000 }), ProxyError);
    expect(untrusted.code).toBe(PROXY_UNREACHABLE_CODE);
    expect(untrusted.cause).toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(proxy.connects).toHaveLength(1);
  });
});

describe('connectDirect', () => {
  it('connects, or fails with Node’s own code', async () => {
    const server = await tlsServer('valid', (_req, res) => sendJson(res, 200, {}));
    expect(await handshake(kept(await connectDirect('127.0.0.1', server.port, 5000)))).toMatch(/CN=127\.0\.0\.1/);
    const error = await rejection(connectDirect('127.0.0.1', await closedPort(), 5000), Error);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
  });
});
