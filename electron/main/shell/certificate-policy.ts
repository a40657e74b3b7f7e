/**
 * The `certificate-error` guard: every certificate Chromium fails is rejected, and the rejection is logged.
 *
 * There is deliberately no "trusted for this host" exception. Chromium emits this event only for loads of a
 * webContents (not for Electron `net` requests, and never for Node's https), and DF Desk's pages make no
 * network loads: the window only loads app://, and request-policy.ts cancels any http(s)/ws request a page
 * starts in onBeforeRequest, before a connection (and so a certificate) exists. DF requests run in the main
 * process through Node, where a user-trusted certificate is enforced by services/tls/pinned-certificate.ts.
 *
 * An allow branch here would be a second, weaker pin: Chromium only asks when its own verification fails, so
 * a publicly valid certificate that is NOT the pinned one would pass without a question. If this event ever
 * fires, something started a Chromium load the design says cannot happen; failing closed and logging it is
 * the signal to route that request through the pinned Node adapter instead.
 */
import { fingerprintForLog, normalizeFingerprint } from '../tls/fingerprint.ts';

export interface CertificateErrorInput {
  url: string;
  /** Chromium's error code, e.g. net::ERR_CERT_AUTHORITY_INVALID. */
  error: string;
  /** Certificate.fingerprint as Electron reports it (`sha256/<base64>`). */
  fingerprint: string;
}

export interface CertificateDecision {
  /** Always false: see the module comment. */
  trust: false;
  /** For the log: host, error and fingerprint only (the URL may carry a session_token query). */
  logMessage: string;
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'wss:') return null;
    return parsed.host.toLowerCase();
  } catch {
    return null;
  }
}

export function decideCertificateError(input: CertificateErrorInput): CertificateDecision {
  const host = hostOf(input.url) ?? 'a non-https URL';
  const fingerprint = normalizeFingerprint(input.fingerprint);
  const error = input.error.replace(/[^A-Za-z0-9_:.-]/g, '').slice(0, 80);
  const shown = fingerprint === null ? 'unreadable fingerprint' : `sha256 ${fingerprintForLog(fingerprint)}`;
  return {
    trust: false,
    logMessage: `TLS certificate rejected (${error}) for ${host}: ${shown}. DF Desk windows load nothing from the network, so this is never trusted.`,
  };
}
