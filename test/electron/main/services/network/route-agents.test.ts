// One agent per route, kept for the channel's life; a TunnelAgent runs Node's own TLS over the tunnel.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import type { ProxyServer } from '../../../../../electron/main/services/network/proxy-rules.ts';
import { DIRECT } from '../../../../../electron/main/services/network/proxy-rules.ts';
import { RouteAgents, TunnelAgent } from '../../../../../electron/main/services/network/route-agents.ts';
import { connectDirect, ProxyError, PROXY_UNREACHABLE_CODE } from '../../../../../electron/main/services/network/tunnel.ts';
import { sendJson, tlsServer } from '../fixtures/servers.ts';
import { onCleanup } from '../../../../fixtures/cleanup.ts';

const TEST_CA = readFileSync(fileURLToPath(new URL('../fixtures/tls/ca.crt', import.meta.url)), 'utf8');
const corp: ProxyServer = { scheme: 'http', host: 'corp', port: 8080 };

describe('TunnelAgent', () => {
  it("verifies the server with the agent's options over whatever the tunnel hands it", async () => {
    const server = await tlsServer('valid', (_req, res) => sendJson(res, 200, { via: 'tunnel' }));
    const tunnels: string[] = [];
    const tunnel = (proxy: ProxyServer, host: string, port: number): Promise<Socket> => {
      tunnels.push(`${proxy.host}:${proxy.port} → ${host}:${port}`);
      return connectDirect(host, port, 5000);
    };
    const trusting = new TunnelAgent({ ca: [TEST_CA], keepAlive: true }, corp, tunnel);
    const untrusting = new TunnelAgent({ keepAlive: true }, corp, tunnel);
    onCleanup(() => {
      trusting.destroy();
      untrusting.destroy();
    });
    expect((await axios.get(server.url, { httpsAgent: trusting, proxy: false })).data).toEqual({ via: 'tunnel' });
    expect(tunnels).toEqual([`corp:8080 → 127.0.0.1:${server.port}`]);
    await expect(axios.get(server.url, { httpsAgent: untrusting, proxy: false })).rejects.toMatchObject({
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
  });

  it("a tunnel that fails fails the request with the tunnel's error", async () => {
    const failing = () => Promise.reject(new ProxyError(PROXY_UNREACHABLE_CODE, 'The proxy PROXY corp:8080 could not be reached.'));
    const agent = new TunnelAgent({}, corp, failing);
    onCleanup(() => agent.destroy());
    await expect(axios.get('https://df.example.com/', { httpsAgent: agent, proxy: false })).rejects.toMatchObject({
      code: PROXY_UNREACHABLE_CODE,
    });
  });
});

describe('RouteAgents', () => {
  it('one agent per route, made with the trust options once, all destroyed together', () => {
    let reads = 0;
    const agents = new RouteAgents(
      () => {
        reads++;
        return { ca: [TEST_CA] };
      },
      () => Promise.reject(new Error('unused')),
    );
    const direct = agents.for(DIRECT);
    const viaCorp = agents.for({ kind: 'proxy', proxy: corp });
    expect(direct).toBeInstanceOf(Agent);
    expect(direct).not.toBeInstanceOf(TunnelAgent);
    expect(viaCorp).toBeInstanceOf(TunnelAgent);
    expect(agents.for({ kind: 'proxy', proxy: { ...corp } })).toBe(viaCorp);
    expect(agents.for(DIRECT)).toBe(direct);
    expect(reads).toBe(1);
    expect(direct.options).toMatchObject({ ca: [TEST_CA], keepAlive: true });
    agents.destroy();
    expect(agents.for(DIRECT)).not.toBe(direct);
    agents.destroy();
  });
});

describe('RouteAgents.toProxy', () => {
  it('the hop to an https proxy verifies the proxy’s name (not the DF host), one kept agent per proxy', () => {
    const agents = new RouteAgents(() => ({}), async () => Promise.reject(new Error('unused')));
    const named: ProxyServer = { scheme: 'https', host: 'proxy.corp.example', port: 3129 };
    const byIp: ProxyServer = { scheme: 'https', host: '10.0.0.8', port: 3129 };
    const agent = agents.toProxy(named);
    expect(agent.options.servername).toBe('proxy.corp.example');
    expect(agents.toProxy(named)).toBe(agent);
    expect(agents.toProxy(byIp).options.servername).toBe('');
    agents.destroy();
  });
});
