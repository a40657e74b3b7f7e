// The network as the app uses it, in Node: a DfClient over createNetwork, a DF test server behind an https front
// whose certificate a private CA issued, and a real loopback proxy. The "system" trust store and Chromium's proxy
// answer are the only fakes (fixtures/network-port.ts).
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../../../../electron/main/services/network/network.ts';
import { createNetwork } from '../../../../../electron/main/services/network/network.ts';
import { readPeerCertificate } from '../../../../../electron/main/services/tls/peer-certificate.ts';
import { createDfClient, DfError } from '../../../../../shared/df/index.ts';
import { MemoryTokenStore } from '../../../../shared/df/helpers.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';
import { loopbackProxy } from '../fixtures/connect-proxy.ts';
import { fakeNetwork, PRIVATE_CA } from '../fixtures/network-port.ts';
import type { FakeNetwork } from '../fixtures/network-port.ts';
import { privateLeafSha256 } from '../fixtures/private-ca.ts';
import { sendJson, tlsServer } from '../fixtures/servers.ts';
import { tlsFront } from '../fixtures/tls-front.ts';
import { keepAliveServer } from '../fixtures/keep-alive-server.ts';
import { onCleanup } from '../../../../fixtures/cleanup.ts';
import { rejection } from '../../../../fixtures/rejection.ts';
import { closedPort, dfServer } from '../../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../../fixtures/users.ts';

function networkOver(fake: FakeNetwork) {
  const logger = recordingLogger();
  const network = createNetwork({ port: fake.port, logger });
  onCleanup(() => network.dispose());
  return { network, logger };
}

function clientOf(url: string, network: Network) {
  const client = createDfClient({ baseURL: url, apiKey: API_KEY, tokens: new MemoryTokenStore(), adapter: network.adapter });
  onCleanup(() => client.dispose());
  return client;
}

/** Signs in as Jane and reads a table: the calls every session makes. */
async function signInAndRead(url: string, network: Network) {
  const client = clientOf(url, network);
  await client.login(JANE);
  return (await client.http.get('/db/_table/contacts', { params: { limit: 1 } })).status;
}

async function privateDf() {
  return tlsFront((await dfServer()).url, 'private-leaf');
}

describe('trust: the system store', () => {
  it('a server whose certificate a private CA issued is trusted once that CA is in the system store', async () => {
    const front = await privateDf();
    const { network, logger } = networkOver(fakeNetwork({ systemCas: [PRIVATE_CA] }));
    expect(await signInAndRead(front.url, network)).toBe(200);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'info', fields: expect.objectContaining({ system: 1, extra: 0 }) }),
    );
  });

  it('and refused without it (the test can fail): nothing reaches the server', async () => {
    const front = await privateDf();
    const { network } = networkOver(fakeNetwork({ systemCas: [] }));
    const error = await rejection(clientOf(front.url, network).login(JANE), DfError);
    expect(error.transport).toMatchObject({ kind: 'tls', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(front.requests).toEqual([]);
  });
});

describe('routes: the system proxy settings', () => {
  it('"PROXY host:port": sign-in and data go through the proxy tunnel, end-to-end TLS to the server', async () => {
    const front = await privateDf();
    const proxy = await loopbackProxy();
    const fake = fakeNetwork({ route: proxy.rule, systemCas: [PRIVATE_CA] });
    const { network } = networkOver(fake);
    expect(await signInAndRead(front.url, network)).toBe(200);
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(new Set(proxy.connects)).toEqual(new Set([`127.0.0.1:${front.port}`]));
    expect(front.requests.map((r) => r.path)).toEqual(['/api/v2/user/session', '/api/v2/db/_table/contacts?limit=1']);
    // Chromium was asked about the origin, never a path.
    expect(new Set(fake.asked)).toEqual(new Set([`${front.url}/`]));
  });

  it('"DIRECT" bypasses the proxy', async () => {
    const front = await privateDf();
    const proxy = await loopbackProxy();
    const { network } = networkOver(fakeNetwork({ route: 'DIRECT', systemCas: [PRIVATE_CA] }));
    expect(await signInAndRead(front.url, network)).toBe(200);
    expect(proxy.connects).toEqual([]);
  });

  it('"PROXY dead; PROXY live; DIRECT": the dead proxy is skipped (and then tried last), the live one used', async () => {
    const front = await privateDf();
    const live = await loopbackProxy();
    const dead = await closedPort();
    const { network, logger } = networkOver(fakeNetwork({ route: `PROXY 127.0.0.1:${dead}; ${live.rule}; DIRECT`, systemCas: [PRIVATE_CA] }));
    expect(await signInAndRead(front.url, network)).toBe(200);
    expect(await signInAndRead(front.url, network)).toBe(200);
    expect(live.connects.length).toBeGreaterThan(0);
    const marked = logger.lines.filter((line) => line.fields?.proxy === `PROXY 127.0.0.1:${dead}`);
    expect(marked).toEqual([expect.objectContaining({ level: 'warn', fields: { proxy: `PROXY 127.0.0.1:${dead}`, reason: 'ERR_DESK_PROXY_UNREACHABLE' } })]);
  });

  it('"PROXY dead; DIRECT" falls back to DIRECT; "PROXY dead" alone fails, saying the proxy is unreachable', async () => {
    const front = await privateDf();
    const dead = await closedPort();
    const withDirect = networkOver(fakeNetwork({ route: `PROXY 127.0.0.1:${dead}; DIRECT`, systemCas: [PRIVATE_CA] }));
    expect(await signInAndRead(front.url, withDirect.network)).toBe(200);

    const only = networkOver(fakeNetwork({ route: `PROXY 127.0.0.1:${dead}`, systemCas: [PRIVATE_CA] }));
    const error = await rejection(clientOf(front.url, only.network).login(JANE), DfError);
    expect(error.transport).toMatchObject({ kind: 'network', code: 'ERR_DESK_PROXY_UNREACHABLE' });
    expect(error.transport?.message).toMatch(/proxy server .* could not be reached/);
  });

  it('a proxy that answers "no" is reported, never routed around, even with DIRECT listed', async () => {
    const front = await privateDf();
    const proxy = await loopbackProxy();
    proxy.refuse(403);
    const { network } = networkOver(fakeNetwork({ route: `${proxy.rule}; DIRECT`, systemCas: [PRIVATE_CA] }));
    const refused = await rejection(clientOf(front.url, network).login(JANE), DfError);
    expect(refused.transport).toMatchObject({ kind: 'network', code: 'ERR_DESK_PROXY_REFUSED' });
    proxy.refuse(407);
    const auth = await rejection(clientOf(front.url, network).login(JANE), DfError);
    expect(auth.transport).toMatchObject({ code: 'ERR_DESK_PROXY_AUTH', message: expect.stringMatching(/HTTP 407/) });
    expect(front.requests).toEqual([]);
  });

  it('an "HTTPS" proxy (TLS to the proxy, checked against the system store too)', async () => {
    const front = await privateDf();
    const proxy = await loopbackProxy({ tls: true });
    const { network } = networkOver(fakeNetwork({ route: proxy.rule, systemCas: [PRIVATE_CA] }));
    expect(await signInAndRead(front.url, network)).toBe(200);
    expect(new Set(proxy.connects)).toEqual(new Set([`127.0.0.1:${front.port}`]));
  });

  it('plain http goes to the proxy as forwarded requests (CONNECT is often allowed to 443 only)', async () => {
    const server = await dfServer();
    const proxy = await loopbackProxy();
    const { network } = networkOver(fakeNetwork({ route: proxy.rule }));
    expect(await signInAndRead(server.url, network)).toBe(200);
    expect(proxy.connects).toEqual([]);
    expect(proxy.forwarded).toEqual([`${server.url}/api/v2/user/session`, `${server.url}/api/v2/db/_table/contacts?limit=1`]);
  });

  it('keep-alive through the tunnel: a second storm of 100 requests opens no new tunnel', async () => {
    const server = await keepAliveServer();
    const proxy = await loopbackProxy();
    const { network } = networkOver(fakeNetwork({ route: proxy.rule, systemCas: [PRIVATE_CA] }));
    const storm = () => Promise.all(Array.from({ length: 100 }, (_, i) => axios.get(`${server.url}/${i}`, { adapter: network.adapter })));
    for (let i = 0; i < 5; i++) await axios.get(`${server.url}/one-by-one`, { adapter: network.adapter });
    expect(proxy.connects).toHaveLength(1);
    await storm();
    const afterFirst = proxy.connects.length;
    await storm();
    expect(proxy.connects).toHaveLength(afterFirst);
    expect(server.served()).toBe(205);
  });

  it('a request given up while its route is looked up is never sent', async () => {
    const server = await keepAliveServer();
    const fake = fakeNetwork({ systemCas: [PRIVATE_CA] });
    let answer: (route: string) => void = () => undefined;
    const slow = { ...fake.port, resolveProxy: () => new Promise<string>((resolve) => (answer = resolve)) };
    const network = createNetwork({ port: slow, logger: recordingLogger() });
    onCleanup(() => network.dispose());
    const controller = new AbortController();
    const request = axios.post(`${server.url}/late`, { x: 1 }, { adapter: network.adapter, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    answer('DIRECT');
    await expect(request).rejects.toMatchObject({ code: 'ERR_CANCELED' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.served()).toBe(0);
  });

  it('a request that brings its own https agent keeps it, unrouted', async () => {
    const server = await tlsServer('valid', (_req, res) => sendJson(res, 200, { own: true }));
    const proxy = await loopbackProxy();
    const { network } = networkOver(fakeNetwork({ route: proxy.rule }));
    const ca = readFileSync(fileURLToPath(new URL('../fixtures/tls/ca.crt', import.meta.url)), 'utf8');
    const agent = new Agent({ ca: [ca] });
    onCleanup(() => agent.destroy());
    expect((await axios.get(server.url, { adapter: network.adapter, httpsAgent: agent })).data).toEqual({ own: true });
    expect(proxy.connects).toEqual([]);
  });
});

describe('connect: raw connections along the route (for reading a certificate)', () => {
  it('reads the presented certificate through the proxy', async () => {
    const front = await privateDf();
    const proxy = await loopbackProxy();
    const { network } = networkOver(fakeNetwork({ route: proxy.rule }));
    const seen = await readPeerCertificate({
      host: '127.0.0.1',
      port: front.port,
      timeoutMs: 5000,
      connect: () => network.connect('127.0.0.1', front.port, 5000),
    });
    expect(seen?.sha256).toBe(privateLeafSha256('private-leaf').toUpperCase());
    expect(proxy.connects).toEqual([`127.0.0.1:${front.port}`]);
    expect(front.requests).toEqual([]);
  });
});
