/**
 * Reads the certificate a TLS server presents, to SHOW it to the user (fingerprint, subject, issuer, validity)
 * when the normal check refused it. Nothing is ever sent over this connection: no HTTP, no API key, no token.
 *
 * Certificate verification stays ON here too. Node emits the socket's 'secure' event when the handshake has
 * finished and BEFORE it runs the verification that destroys an untrusted socket; a listener prepended to it
 * is the one moment the presented certificate can be read without turning verification off (the connection
 * is then refused by Node and closed by us either way). Should a future Node stop emitting it, the result is
 * null and the UI simply offers no certificate to trust (pinned-certificate.test.ts would fail first).
 */
import type { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import type { PresentedCertificateInfo } from '../../../../shared/ipc/contract.ts';
import type { NetworkTransport } from '../network/network-types.ts';

/**
 * What the user is shown (the subject is the common name, or the whole subject when it has none; the dates
 * as Node prints them, e.g. "Jan  1 00:00:00 2000 GMT"), plus the certificate in PEM form: a public document,
 * used as the only trust anchor of a pinned connection.
 */
export interface PresentedCertificate extends Omit<PresentedCertificateInfo, 'hostPort'> {
  pem: string;
}

export interface PeerTarget {
  /** Host name or IP literal (IPv6 without brackets). */
  host: string;
  port: number;
  timeoutMs: number;
  /** The TCP connection to run the handshake over (e.g. a proxy's tunnel); default: connect directly. */
  connect?: () => Promise<Duplex>;
}

function commonName(distinguishedName: string): string {
  const line = distinguishedName.split('\n').find((part) => part.startsWith('CN='));
  return line === undefined ? distinguishedName.replace(/\n/g, ', ') : line.slice('CN='.length);
}

export function describeCertificate(x509: X509Certificate): PresentedCertificate {
  return {
    sha256: x509.fingerprint256.toUpperCase(),
    subject: commonName(x509.subject),
    issuer: commonName(x509.issuer),
    validFrom: x509.validFrom,
    validTo: x509.validTo,
    selfSigned: x509.subject === x509.issuer,
    pem: x509.toString(),
  };
}

/** host and port of an https URL (default port 443), or null for anything else. */
export function tlsTargetOf(url: string): { host: string; port: number } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return { host, port: parsed.port === '' ? 443 : Number(parsed.port) };
}

function presented(socket: TLSSocket, timeoutMs: number): Promise<PresentedCertificate | null> {
  return new Promise((resolve) => {
    let seen: PresentedCertificate | null = null;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(seen);
    };
    socket.prependListener('secure', () => {
      const x509 = socket.getPeerX509Certificate();
      if (x509 !== undefined) seen = describeCertificate(x509);
    });
    socket.setTimeout(timeoutMs, finish);
    socket.once('secureConnect', finish);
    socket.once('error', finish);
    socket.once('close', finish);
  });
}

/**
 * What to read from: `transport`'s route when it has one (behind a proxy a direct connection may be blocked, and
 * the certificate must be the one requests meet), else directly.
 */
export function peerTarget(host: string, port: number, timeoutMs: number, transport?: NetworkTransport): PeerTarget {
  const target: PeerTarget = { host, port, timeoutMs };
  const connect = transport?.connect;
  if (connect !== undefined) target.connect = () => connect.call(transport, host, port, timeoutMs);
  return target;
}

/** The certificate the server presents, or null when no handshake completed (refused, timeout, not TLS). */
export async function readPeerCertificate(target: PeerTarget): Promise<PresentedCertificate | null> {
  // SNI only for names (an IP literal as servername is not allowed by RFC 6066 and Node warns about it).
  const sni = isIP(target.host) === 0 ? { servername: target.host } : {};
  if (target.connect === undefined) {
    return presented(connect({ host: target.host, port: target.port, ...sni }), target.timeoutMs);
  }
  let raw: Duplex;
  try {
    raw = await target.connect();
  } catch {
    return null;
  }
  return presented(connect({ socket: raw, ...sni }), target.timeoutMs);
}
