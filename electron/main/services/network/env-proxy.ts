/**
 * The command line's proxy settings outside Electron (plain Node has no Chromium to ask): the usual
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment variables, answered in Chromium's format ("PROXY host:port",
 * "HTTPS host:port" or "DIRECT") so the same routing (network.ts) serves both.
 */
import type { NetworkPort } from './network-types.ts';

type Env = Readonly<Record<string, string | undefined>>;

const pick = (env: Env, name: string) => env[name] ?? env[name.toLowerCase()];

/** Whether NO_PROXY (comma-separated host suffixes, `*` for all) exempts this host. */
export function bypassed(host: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined || noProxy.trim() === '') return false;
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return noProxy.split(',').some((raw) => {
    const entry = raw.trim().toLowerCase().replace(/:\d+$/, '').replace(/^\*?\./, '');
    return entry === '*' || (entry !== '' && (name === entry || name.endsWith(`.${entry}`)));
  });
}

/** The PAC-style answer for `url` from the environment. */
export function envProxyFor(url: string, env: Env): string {
  const target = new URL(url);
  if (bypassed(target.hostname, pick(env, 'NO_PROXY'))) return 'DIRECT';
  const configured = target.protocol === 'https:' ? (pick(env, 'HTTPS_PROXY') ?? pick(env, 'HTTP_PROXY')) : pick(env, 'HTTP_PROXY');
  if (configured === undefined || configured.trim() === '') return 'DIRECT';
  try {
    const proxy = new URL(configured.includes('://') ? configured : `http://${configured}`);
    const port = proxy.port !== '' ? proxy.port : proxy.protocol === 'https:' ? '443' : '80';
    return `${proxy.protocol === 'https:' ? 'HTTPS' : 'PROXY'} ${proxy.hostname}:${port}`;
  } catch {
    return 'DIRECT';
  }
}

/** A NetworkPort whose proxies come from the environment; `trustedCertificates` as the app loads them. */
export function envNetworkPort(trusted: NetworkPort['trustedCertificates'], env: Env = process.env): NetworkPort {
  return { resolveProxy: async (url) => envProxyFor(url, env), trustedCertificates: trusted };
}
