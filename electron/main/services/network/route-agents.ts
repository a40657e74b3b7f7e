/**
 * The https agents of one channel (one way of verifying servers), one per route: Node's own Agent for DIRECT,
 * a TunnelAgent per proxy. Each is kept for the channel's life, so sockets stay alive between requests (a
 * storm of a hundred requests reuses a handful of connections, through the proxy as well).
 */
import { Agent } from 'node:https';
import type { AgentOptions, RequestOptions } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ProxyChoice, ProxyServer } from './proxy-rules.ts';
import { choiceLabel, proxyServername } from './proxy-rules.ts';

export type OpenTunnel = (proxy: ProxyServer, host: string, port: number) => Promise<Socket>;

type Oncreate = (error: Error | null, stream?: Duplex) => void;

/**
 * An https Agent whose connections run through a proxy's CONNECT tunnel. Its TLS (trust anchors,
 * `checkServerIdentity`, SNI) is Node's Agent's own, run over the tunnel, so it verifies the DF server exactly
 * as a direct connection does.
 */
export class TunnelAgent extends Agent {
  private readonly proxy: ProxyServer;
  private readonly tunnel: OpenTunnel;

  constructor(options: AgentOptions, proxy: ProxyServer, tunnel: OpenTunnel) {
    super(options);
    this.proxy = proxy;
    this.tunnel = tunnel;
  }

  override createConnection(options: RequestOptions, callback?: (error: Error | null, stream: Duplex) => void): undefined {
    // Node's Agent always passes its callback; a socket made asynchronously can only be handed over there.
    const done = callback as Oncreate | undefined;
    if (done === undefined) throw new Error('TunnelAgent needs the callback Node passes to createConnection.');
    const host = options.host ?? options.hostname ?? 'localhost';
    const port = Number(options.port ?? 443);
    this.tunnel(this.proxy, host, port).then(
      (socket) => {
        try {
          done(null, super.createConnection({ ...options, socket } as RequestOptions) ?? undefined);
        } catch (error) {
          socket.destroy();
          done(error instanceof Error ? error : new Error(String(error)));
        }
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
    return undefined;
  }
}

export class RouteAgents {
  private readonly agents = new Map<string, Agent>();
  private readonly tls: () => AgentOptions;
  private options: AgentOptions | undefined;
  private readonly tunnel: OpenTunnel;

  /** `tls` is read when the first agent is made (it may load the system's certificates). */
  constructor(tls: () => AgentOptions, tunnel: OpenTunnel) {
    this.tls = tls;
    this.tunnel = tunnel;
  }

  for(choice: ProxyChoice): Agent {
    const key = choiceLabel(choice);
    let agent = this.agents.get(key);
    if (agent === undefined) {
      this.options ??= { ...this.tls(), keepAlive: true };
      agent = choice.kind === 'direct' ? new Agent(this.options) : new TunnelAgent(this.options, choice.proxy, this.tunnel);
      this.agents.set(key, agent);
    }
    return agent;
  }

  /**
   * The TLS hop to an https proxy itself, for plain-http requests forwarded through it. Node would take the
   * name to verify from the Host header, the DF host; the proxy's certificate is for the proxy (an IP: none).
   */
  toProxy(proxy: ProxyServer): Agent {
    const key = `to ${choiceLabel({ kind: 'proxy', proxy })}`;
    let agent = this.agents.get(key);
    if (agent === undefined) {
      this.options ??= { ...this.tls(), keepAlive: true };
      agent = new Agent({ ...this.options, servername: proxyServername(proxy.host) });
      this.agents.set(key, agent);
    }
    return agent;
  }

  destroy(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}
