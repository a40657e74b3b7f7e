/**
 * Explicit, per-instance trust in ONE certificate (docs/architecture.md §5: TLS is never bypassed silently). After the user
 * saw a certificate's SHA-256 fingerprint and chose "Trust this certificate", requests to that instance's
 * origin go through an https.Agent that:
 *
 * - keeps `rejectUnauthorized` at its default (true): OpenSSL still verifies the chain, the signature and the
 *   validity dates, but the ONLY trust anchor is the pinned certificate itself (`ca: [its PEM]`), so a
 *   certificate signed by anyone else, a public CA included, fails;
 * - sets `allowPartialTrustChain` (OpenSSL's X509_V_FLAG_PARTIAL_CHAIN; Node ≥ 20.18 / 22.9): a pinned leaf
 *   that a private CA issued is itself the anchor, where OpenSSL would otherwise insist on reaching that CA
 *   (UNABLE_TO_VERIFY_LEAF_SIGNATURE). The store holds only the pinned leaf, so this widens nothing: another
 *   leaf of the same CA still has no anchor (UNABLE_TO_GET_ISSUER_CERT_LOCALLY), and dates are still checked;
 * - replaces the host-name check with an exact leaf-fingerprint match in `checkServerIdentity`: the pin names
 *   the certificate itself, which is stronger than a name, and dev certificates are often issued for another
 *   name (localhost reached through a LAN address).
 *
 * Why not `checkServerIdentity` alone: Node runs it only after chain verification passed, so for a
 * self-signed certificate it would need verification turned off. Why `ca`: it keeps OpenSSL's verification
 * on and narrows trust instead of widening it. The PEM is read from the server (peer-certificate.ts) and used
 * only when its fingerprint equals the pin, so only the fingerprint needs storing.
 *
 * Other origins (and every other instance) never see this agent: their requests keep the normal checks.
 * Behind a proxy (`transport`, network/network.ts) the same checks run inside the proxy's CONNECT tunnel, and the
 * certificate is read through it too.
 */
import type { PeerCertificate } from 'node:tls';
import axios from 'axios';
import type { AxiosAdapter, AxiosRequestConfig } from 'axios';
import { fingerprintForLog, normalizeFingerprint } from '../../tls/fingerprint.ts';
import { isTlsCode, transportErrorCode } from '../../../../shared/df/transport-failure.ts';
import type { Channel, NetworkTransport } from '../network/network-types.ts';
import { nodeTransport } from '../network/node-transport.ts';
import { peerTarget, readPeerCertificate, tlsTargetOf } from './peer-certificate.ts';

export const PIN_MISMATCH_CODE = 'ERR_DESK_CERT_PIN_MISMATCH';
const DEFAULT_READ_TIMEOUT_MS = 10_000;

/** The server presented another certificate than the pinned one. Names only fingerprints and host:port. */
export class PinMismatchError extends Error {
  readonly code = PIN_MISMATCH_CODE;

  constructor(hostPort: string, pinnedHex: string, presented: string | undefined) {
    const seen = presented === undefined ? '' : ` It presented ${fingerprintForLog(presented)}.`;
    super(`${hostPort} did not present the pinned certificate ${fingerprintForLog(pinnedHex)}.${seen}`);
    this.name = 'PinMismatchError';
  }
}

export interface PinnedCertificateOptions {
  /** The instance URL: only its origin gets the pinned agent. Must be https. */
  origin: string;
  /** SHA-256 fingerprint, colon or plain hex. */
  sha256: string;
  /** The I/O adapter below (default axios's). */
  base?: AxiosRequestConfig['adapter'];
  /** For reading the presented certificate; default 10 s. */
  timeoutMs?: number;
  /**
   * How the pinned origin is reached (network/network.ts: along the system's proxy settings, the pin checked
   * end to end through a proxy's tunnel). Default: directly, on `base`.
   */
  transport?: NetworkTransport;
}

export interface PinnedCertificateAdapter {
  adapter: AxiosAdapter;
  /** Closes the kept-alive sockets. */
  dispose(): void;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function pinnedCertificateAdapter(options: PinnedCertificateOptions): PinnedCertificateAdapter {
  const normalized = normalizeFingerprint(options.sha256);
  if (normalized === null) throw new Error('Not a SHA-256 certificate fingerprint.');
  const pin: string = normalized;
  const target = tlsTargetOf(options.origin);
  if (target === null) throw new Error('Only an https:// instance can have a pinned certificate.');
  const origin = originOf(options.origin);
  const hostPort = `${target.host}:${target.port}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const transport = options.transport ?? nodeTransport(options.base);
  const peer = peerTarget(target.host, target.port, timeoutMs, transport);
  const io = axios.getAdapter(options.base ?? axios.defaults.adapter);
  let anchored: Channel | null = null;

  const checkServerIdentity = (_host: string, cert: PeerCertificate): Error | undefined => {
    const presented = normalizeFingerprint(cert.fingerprint256 ?? '');
    return presented === pin ? undefined : new PinMismatchError(hostPort, pin, presented ?? undefined);
  };

  /** Reads what the server presents now; throws PinMismatchError unless it is the pinned certificate. */
  async function presentedPem(): Promise<string | null> {
    const presented = await readPeerCertificate(peer);
    if (presented === null) return null;
    const hex = normalizeFingerprint(presented.sha256);
    if (hex !== pin) throw new PinMismatchError(hostPort, pin, hex ?? undefined);
    return presented.pem;
  }

  async function channelForCall(): Promise<{ channel: Channel; kept: boolean }> {
    if (anchored !== null) return { channel: anchored, kept: true };
    const pem = await presentedPem();
    if (pem === null) {
      // No handshake (server down, timeout): let the real request fail and report why, still pin-checked.
      return { channel: transport.channel({ checkServerIdentity }), kept: false };
    }
    anchored ??= transport.channel({ ca: [pem], allowPartialTrustChain: true, checkServerIdentity });
    return { channel: anchored, kept: true };
  }

  const adapter: AxiosAdapter = async (config) => {
    if (origin === null || originOf(axios.getUri(config)) !== origin) return io(config);
    const { channel, kept } = await channelForCall();
    try {
      return await channel.adapter(config);
    } catch (error) {
      if (!isTlsCode(transportErrorCode(error))) throw error;
      // The certificate may have changed since the channel was anchored: start over, and say so clearly.
      if (kept && anchored === channel) {
        anchored = null;
        channel.destroy();
      }
      await presentedPem();
      throw error;
    } finally {
      if (!kept) channel.destroy();
    }
  };

  return {
    adapter,
    dispose() {
      anchored?.destroy();
      anchored = null;
    },
  };
}
