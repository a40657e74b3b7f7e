/**
 * Raw TCP connections for DF requests: directly, or through an HTTP proxy's CONNECT tunnel (RFC 9110 §9.3.6),
 * over which the caller then runs its own TLS to the DF server. The proxy only ever sees "host:port": the
 * request, the API key and the token travel inside TLS the proxy cannot read, and the server's certificate is
 * checked end to end exactly as without a proxy (pinning included).
 *
 * Failures say whether anything reached the DF server: ProxyError PROXY_UNREACHABLE_CODE means the proxy
 * never answered the CONNECT (nothing was sent anywhere, so the next proxy choice may be tried, whatever the
 * request's method); PROXY_REFUSED_CODE / PROXY_AUTH_CODE mean the proxy answered and said no, a policy
 * decision that is reported, not routed around.
 */
import { request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { ProxyServer } from './proxy-rules.ts';
import { authorityHost, choiceLabel, proxyServername } from './proxy-rules.ts';

export const PROXY_UNREACHABLE_CODE = 'ERR_DESK_PROXY_UNREACHABLE';
export const PROXY_REFUSED_CODE = 'ERR_DESK_PROXY_REFUSED';
export const PROXY_AUTH_CODE = 'ERR_DESK_PROXY_AUTH';

/** A proxy failure. Names the proxy and the DF host:port only. */
export class ProxyError extends Error {
  readonly code: string;
  /** The proxy's HTTP status, when it answered. */
  readonly status: number | undefined;

  constructor(code: string, message: string, status?: number, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ProxyError';
    this.code = code;
    this.status = status;
  }
}

export interface TunnelSpec {
  proxy: ProxyServer;
  host: string;
  port: number;
  /** Until the proxy has answered the CONNECT. */
  timeoutMs: number;
  /** For an "HTTPS" proxy: the CA list its own certificate is checked against. */
  secureContext?: () => SecureContext;
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
}

function refusal(label: string, target: string, answer: IncomingMessage): ProxyError {
  const status = answer.statusCode ?? 0;
  if (status === 407) {
    return new ProxyError(PROXY_AUTH_CODE, `The proxy ${label} asks for a sign-in (HTTP 407) to reach ${target}.`, status);
  }
  return new ProxyError(PROXY_REFUSED_CODE, `The proxy ${label} refused to connect to ${target} (HTTP ${status}).`, status);
}

function connectRequest(spec: TunnelSpec, target: string): ClientRequest {
  const { proxy } = spec;
  const options: RequestOptions = {
    host: proxy.host,
    port: proxy.port,
    method: 'CONNECT',
    path: target,
    setHost: false,
    headers: { host: target },
    agent: false,
  };
  if (proxy.scheme === 'http') return httpRequest(options);
  return httpsRequest({
    ...options,
    ...(spec.secureContext === undefined ? {} : { secureContext: spec.secureContext() }),
    // Always set: left out, Node would verify the proxy's certificate against the Host header (the DF host).
    servername: proxyServername(proxy.host),
  });
}

/** A socket on which the proxy relays bytes to host:port. */
export function openTunnel(spec: TunnelSpec): Promise<Socket> {
  const label = choiceLabel({ kind: 'proxy', proxy: spec.proxy });
  const target = `${authorityHost(spec.host)}:${spec.port}`;
  return new Promise((resolve, reject) => {
    let settled = false;
    const request = connectRequest(spec, target);
    const timer = setTimeout(() => {
      const seconds = Number((spec.timeoutMs / 1000).toFixed(3));
      request.destroy(new ProxyError(PROXY_UNREACHABLE_CODE, `The proxy ${label} did not answer within ${seconds} s.`));
    }, spec.timeoutMs);
    // Stays on: the socket it hands over may still report to it (settled by then, so nothing happens).
    request.on('error', (error) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      if (error instanceof ProxyError) reject(error);
      else {
        const message = `The proxy ${label} could not be reached (${errorCode(error)}).`;
        reject(new ProxyError(PROXY_UNREACHABLE_CODE, message, undefined, error));
      }
    });
    // Node reports every answer to a CONNECT here, whatever its status.
    request.once('connect', (answer: IncomingMessage, socket: Socket, head: Buffer) => {
      clearTimeout(timer);
      settled = true;
      if (answer.statusCode === 200) {
        if (head.length > 0) socket.unshift(head);
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(refusal(label, target, answer));
    });
    request.end();
  });
}

/** A plain TCP connection to host:port; Node's own errors (ECONNREFUSED, …) when it fails. */
export function connectDirect(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy(Object.assign(new Error(`${authorityHost(host)}:${port} did not answer in time.`), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.removeListener('error', reject);
      resolve(socket);
    });
  });
}
