/**
 * Chromium's proxy decision for a URL (Electron's `session.resolveProxy`), turned into the ordered choices DF
 * Desk tries. Chromium writes it as a PAC result: entries separated by ";", each "DIRECT" or "<TYPE> host:port"
 * ("PROXY" an HTTP proxy, "HTTPS" an HTTP proxy spoken to over TLS, "SOCKS"/"SOCKS4"/"SOCKS5", "QUIC").
 *
 * As in Chromium, the entries are tried in order and a later one is used only when an earlier proxy cannot be
 * reached; DIRECT is used only when it is listed. DF Desk speaks no SOCKS or QUIC: such entries are skipped
 * (the caller logs them), and an answer left with no usable entry connects directly rather than not at all.
 * Pure.
 */
import { isIP } from 'node:net';

export type ProxyScheme = 'http' | 'https';

export interface ProxyServer {
  /** How DF Desk talks to the proxy itself: plain HTTP ("PROXY") or TLS ("HTTPS"). */
  scheme: ProxyScheme;
  /** Host name or IP literal (IPv6 without brackets). */
  host: string;
  port: number;
}

export type ProxyChoice = { kind: 'direct' } | { kind: 'proxy'; proxy: ProxyServer };

export interface ProxyRules {
  /** Never empty. */
  choices: ProxyChoice[];
  /** Entries DF Desk cannot use, as Chromium wrote them. */
  skipped: string[];
  /** True when nothing usable was listed, so DIRECT was put in (the answer named no DIRECT). */
  directAdded: boolean;
}

export const DIRECT: ProxyChoice = Object.freeze({ kind: 'direct' });

const DEFAULT_PORTS: Readonly<Record<ProxyScheme, number>> = { http: 80, https: 443 };
const SCHEMES: Readonly<Record<string, ProxyScheme>> = { PROXY: 'http', HTTP: 'http', HTTPS: 'https' };

function parseServer(scheme: ProxyScheme, text: string): ProxyServer | null {
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d+))?$/i.exec(text);
  const plain = /^([^\s:[\]]+)(?::(\d+))?$/.exec(text);
  const match = bracketed ?? plain;
  if (match === null || match[1] === undefined) return null;
  const port = match[2] === undefined ? DEFAULT_PORTS[scheme] : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return null;
  return { scheme, host: match[1], port };
}

function parseEntry(entry: string): ProxyChoice | null {
  const [keyword = '', server, ...rest] = entry.split(/\s+/);
  const type = keyword.toUpperCase();
  if (type === 'DIRECT' && server === undefined) return DIRECT;
  const scheme = SCHEMES[type];
  if (scheme === undefined || server === undefined || rest.length > 0) return null;
  const proxy = parseServer(scheme, server);
  return proxy === null ? null : { kind: 'proxy', proxy };
}

export function parseProxyRules(answer: string): ProxyRules {
  const choices: ProxyChoice[] = [];
  const skipped: string[] = [];
  for (const raw of answer.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const choice = parseEntry(entry);
    if (choice === null) skipped.push(entry);
    else choices.push(choice);
  }
  const directAdded = choices.length === 0;
  if (directAdded) choices.push(DIRECT);
  return { choices, skipped, directAdded };
}

/** The host as it appears before ":port" in an authority: IPv6 literals in brackets. */
export function authorityHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** How Chromium would write the choice: "DIRECT", "PROXY host:port", "HTTPS host:port" (also a map key). */
export function choiceLabel(choice: ProxyChoice): string {
  if (choice.kind === 'direct') return 'DIRECT';
  const { scheme, host, port } = choice.proxy;
  return `${scheme === 'https' ? 'HTTPS' : 'PROXY'} ${authorityHost(host)}:${port}`;
}

/**
 * SNI and the name verified for an https proxy's own certificate: its host name, or '' (no SNI; the IP itself
 * is verified) for an IP address. Left unset, Node would take the name from the Host header: the DF host.
 */
export function proxyServername(host: string): string {
  return isIP(host.replace(/^\[|\]$/g, '')) === 0 ? host : '';
}
