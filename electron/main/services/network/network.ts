/**
 * DF requests on a corporate network: verified against the system's trusted CAs (plus NODE_EXTRA_CA_CERTS),
 * and sent along the OS's proxy settings, manual or PAC/WPAD.
 *
 * Why Node's HTTP stack with Chromium's proxy resolver, rather than Electron's `net.fetch` (Chromium's whole
 * stack): every DF request already runs through axios's Node adapter under DF Desk's own rules (per-instance
 * certificate pinning, answer size caps counted after decompression, same-origin redirects, total deadlines),
 * and the tests exercise exactly that stack in Node. Pinning needs its own trust anchor and identity check
 * per instance, which Chromium offers only as a session-wide verify callback whose verdicts it caches. So the
 * CA list is read from the system once
 * (system-trust.ts), and each request asks Chromium only where to connect (`session.resolveProxy`, the same
 * answer Chromium itself would use), then connects with Node: directly, through a CONNECT tunnel for https
 * (end-to-end TLS: pinning and verification are unchanged behind a proxy), or via the proxy's forwarding for
 * plain http (as browsers do).
 *
 * A request that brings its own https agent keeps it, unrouted: its verification is its own, and a wrapper
 * must never replace it (pinned-certificate.ts sends through `channel()` instead).
 */
import { Agent as HttpAgent } from 'node:http';
import type { AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { createSecureContext } from 'node:tls';
import type { SecureContext } from 'node:tls';
import axios from 'axios';
import type { AxiosAdapter, AxiosRequestConfig, GenericAbortSignal, InternalAxiosRequestConfig } from 'axios';
import type { Clock, Timers } from '../../../../shared/df/clock.ts';
import { systemClock, systemTimers } from '../../../../shared/df/clock.ts';
import { notSentError } from '../../../../shared/df/deadline.ts';
import { transportErrorCode } from '../../../../shared/df/transport-failure.ts';
import type { Logger } from '../../ports.ts';
import type { Channel, NetworkPort, NetworkTransport, TlsTrust } from './network-types.ts';
import type { ProxyChoice, ProxyServer } from './proxy-rules.ts';
import { authorityHost, DIRECT } from './proxy-rules.ts';
import { ProxyRoutes } from './proxy-routes.ts';
import { RouteAgents } from './route-agents.ts';
import { connectDirect, openTunnel, PROXY_UNREACHABLE_CODE } from './tunnel.ts';

export const TUNNEL_TIMEOUT_MS = 10_000;

export interface NetworkDeps {
  port: NetworkPort;
  logger: Logger;
  /** The I/O adapter below (default axios's). */
  base?: AxiosRequestConfig['adapter'];
  clock?: Clock;
  timers?: Timers;
  /** How long a proxy may take to answer a CONNECT; default 10 s. */
  tunnelTimeoutMs?: number;
  /** How long a route answer is reused; default ROUTE_TTL_MS. */
  routeTtlMs?: number;
}

export interface Network extends NetworkTransport {
  /** Every DF request's adapter: the trusted CA list, along the route the system picks. */
  readonly adapter: AxiosAdapter;
  connect(host: string, port: number, timeoutMs: number): Promise<Duplex>;
  /** Closes every kept-alive connection. */
  dispose(): void;
}

/** On a proxy, these mean the proxy never took the request: nothing reached the DF server. */
const PROXY_NOT_REACHED: ReadonlySet<string> = new Set([
  PROXY_UNREACHABLE_CODE,
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function targetOf(config: InternalAxiosRequestConfig): { origin: string; secure: boolean } | null {
  try {
    const url = new URL(axios.getUri(config));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return { origin: url.origin, secure: url.protocol === 'https:' };
  } catch {
    return null;
  }
}

function systemContextOf(port: NetworkPort, logger: Logger): SecureContext | null {
  const { pems, sources } = port.trustedCertificates();
  const { problems, ...counts } = sources;
  logger.info('Trusted certificates for DreamFactory servers loaded.', counts);
  for (const problem of problems) logger.warn(problem);
  try {
    return createSecureContext({ ca: [...pems] });
  } catch (error) {
    logger.error("The trusted certificates could not be used; Node's own CA list is used instead.", { error });
    return null;
  }
}

/**
 * Tries `choices` in order. A proxy that never took the request (nothing reached the DF server, whatever the
 * method) gives way to the next choice and is tried last for a while; any other failure is the answer.
 */
async function tryInOrder<T>(
  routes: ProxyRoutes,
  choices: readonly ProxyChoice[],
  signal: GenericAbortSignal | undefined,
  attempt: (choice: ProxyChoice) => Promise<T>,
): Promise<T> {
  for (let index = 0; ; index++) {
    const choice = choices[index] ?? DIRECT;
    // Given up (its deadline passed) while the route was looked up or a proxy tried: never send it late.
    if (signal?.aborted === true) throw notSentError();
    try {
      return await attempt(choice);
    } catch (error) {
      const code = transportErrorCode(error);
      const fallBack = choice.kind === 'proxy' && code !== undefined && PROXY_NOT_REACHED.has(code);
      if (!fallBack || index + 1 >= choices.length) throw error;
      routes.markBad(choice, code);
    }
  }
}

/** The agent options of a channel: its own anchors, or the system's CA list (Node's own if that failed). */
function trustOptions(trust: TlsTrust, systemContext: () => SecureContext | null): () => AgentOptions {
  return () => {
    const options: AgentOptions = {};
    if (trust.ca !== undefined) options.ca = trust.ca;
    else {
      const system = systemContext();
      if (system !== null) options.secureContext = system;
    }
    if (trust.allowPartialTrustChain !== undefined) options.allowPartialTrustChain = trust.allowPartialTrustChain;
    if (trust.checkServerIdentity !== undefined) options.checkServerIdentity = trust.checkServerIdentity;
    return options;
  };
}

function routedConfig(
  config: InternalAxiosRequestConfig,
  secure: boolean,
  choice: ProxyChoice,
  agents: { https: RouteAgents; plain: HttpAgent },
): InternalAxiosRequestConfig {
  // `proxy: false` everywhere: axios would otherwise apply HTTP(S)_PROXY itself, on top of this routing.
  if (secure) return { ...config, proxy: false, httpsAgent: agents.https.for(choice) };
  if (choice.kind === 'direct') return { ...config, proxy: false, httpAgent: agents.plain };
  const { scheme, host, port } = choice.proxy;
  // Plain http goes to the proxy as a forwarded request, as browsers send it (CONNECT is often allowed to 443 only).
  return { ...config, proxy: { protocol: scheme, host, port }, httpAgent: agents.plain, httpsAgent: agents.https.toProxy(choice.proxy) };
}

export function createNetwork(deps: NetworkDeps): Network {
  const { logger } = deps;
  const io = axios.getAdapter(deps.base ?? axios.defaults.adapter);
  const routes = new ProxyRoutes({
    resolve: (url) => deps.port.resolveProxy(url),
    logger,
    clock: deps.clock ?? systemClock,
    timers: deps.timers ?? systemTimers,
    ...(deps.routeTtlMs === undefined ? {} : { ttlMs: deps.routeTtlMs }),
  });
  const tunnelTimeoutMs = deps.tunnelTimeoutMs ?? TUNNEL_TIMEOUT_MS;
  // Read on first use, not at launch: a slow system store must not hold the window.
  let context: SecureContext | null | undefined;
  const systemContext = () => {
    if (context === undefined) context = systemContextOf(deps.port, logger);
    return context;
  };
  const secureContext = () => systemContext() ?? createSecureContext();
  const tunnel = (proxy: ProxyServer, host: string, port: number, timeoutMs = tunnelTimeoutMs) =>
    openTunnel({ proxy, host, port, timeoutMs, secureContext });
  const plain = new HttpAgent({ keepAlive: true });
  const live = new Set<RouteAgents>();

  function channel(trust: TlsTrust): Channel {
    const agents = { https: new RouteAgents(trustOptions(trust, systemContext), tunnel), plain };
    live.add(agents.https);
    const adapter: AxiosAdapter = async (config) => {
      const target = targetOf(config);
      if (target === null || (target.secure && config.httpsAgent !== undefined)) return io(config);
      const choices = await routes.choicesFor(target.origin);
      return tryInOrder(routes, choices, config.signal, (choice) => io(routedConfig(config, target.secure, choice, agents)));
    };
    return {
      adapter,
      destroy() {
        live.delete(agents.https);
        agents.https.destroy();
      },
    };
  }

  const main = channel({});
  return {
    adapter: main.adapter,
    channel,
    async connect(host, port, timeoutMs) {
      const choices = await routes.choicesFor(new URL(`https://${authorityHost(host)}:${port}`).origin);
      return tryInOrder(routes, choices, undefined, (choice) =>
        choice.kind === 'direct' ? connectDirect(host, port, timeoutMs) : tunnel(choice.proxy, host, port, timeoutMs),
      );
    },
    dispose() {
      for (const agents of live) agents.destroy();
      live.clear();
      plain.destroy();
    },
  };
}
