/**
 * The NetworkPort of the packaged app: proxies as Chromium resolves them for Electron's session (the OS's
 * manual and PAC/WPAD settings, and on Linux the desktop's or the environment's), and the CA certificates of
 * system-trust.ts. Electron-free (the shell passes its session in), so Node tests build the same thing.
 */
import { readFileSync } from 'node:fs';
import * as nodeTls from 'node:tls';
import type { NetworkPort, TrustedCertificates } from './network-types.ts';
import type { TlsCertificateSource } from './system-trust.ts';
import { loadTrustedCertificates } from './system-trust.ts';

/** The part of Electron's Session this uses. */
export interface ProxyResolvingSession {
  resolveProxy(url: string): Promise<string>;
}

export interface ElectronNetworkOptions {
  /** Default: `node:tls`. */
  tls?: TlsCertificateSource;
  /** Default: process.env (NODE_EXTRA_CA_CERTS). */
  env?: Readonly<Record<string, string | undefined>>;
  readFile?: (path: string) => string;
}

export function electronNetworkPort(session: ProxyResolvingSession, options: ElectronNetworkOptions = {}): NetworkPort {
  let loaded: TrustedCertificates | undefined;
  return {
    resolveProxy: (url) => session.resolveProxy(url),
    trustedCertificates() {
      loaded ??= loadTrustedCertificates({
        tls: options.tls ?? nodeTls,
        env: options.env ?? process.env,
        readFile: options.readFile ?? ((path) => readFileSync(path, 'utf8')),
      });
      return loaded;
    },
  };
}
