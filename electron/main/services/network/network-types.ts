/**
 * The network's ports: what the host tells DF Desk about the machine's network (NetworkPort; in the app
 * electron-network-port.ts), and what the services send through (NetworkTransport; network.ts in the app,
 * node-transport.ts when the host gives no NetworkPort, as in most tests).
 */
import type { Duplex } from 'node:stream';
import type { PeerCertificate } from 'node:tls';
import type { AxiosAdapter } from 'axios';

/** How many CA certificates came from where, and why a source is missing or partial (for the log). */
export interface TrustSources {
  /** Node's bundled Mozilla list. */
  bundled: number;
  /** The operating system's trust store; null when this runtime cannot read it. */
  system: number | null;
  /** The PEM file NODE_EXTRA_CA_CERTS names. */
  extra: number;
  problems: string[];
}

export interface TrustedCertificates {
  /** Every CA certificate (PEM) a DF server's chain may end in, without duplicates. */
  pems: readonly string[];
  sources: TrustSources;
}

export interface NetworkPort {
  /** Chromium's proxy decision for `url`, as Chromium writes it: "DIRECT", "PROXY host:port; DIRECT", … */
  resolveProxy(url: string): Promise<string>;
  /** Read once, when the desk starts. */
  trustedCertificates(): TrustedCertificates;
}

/** Verification in place of the default one (the trusted CA list and the host-name check). */
export interface TlsTrust {
  /** The only trust anchors (PEM); default: the trusted CA list. */
  ca?: string[];
  allowPartialTrustChain?: boolean;
  checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined;
}

/** An adapter whose https connections are verified with one TlsTrust, and a way to close them. */
export interface Channel {
  readonly adapter: AxiosAdapter;
  destroy(): void;
}

export interface NetworkTransport {
  channel(trust: TlsTrust): Channel;
  /**
   * A TCP connection to host:port along the route requests take (through a proxy's tunnel when there is
   * one). Absent: connect directly.
   */
  connect?(host: string, port: number, timeoutMs: number): Promise<Duplex>;
}
