/**
 * The `certificate-error` guard. Chromium asks us when a TLS certificate fails; the default is deny, and the
 * only exception is a certificate whose fingerprint the user explicitly trusted for that exact host. Every
 * decision is logged, so a bypass is never silent.
 */

export interface TrustedCertificate {
  /** URL host as the user confirmed it: hostname plus :port when it is not 443. Lower case. */
  host: string;
  /** SHA-256 fingerprint, either Chromium's `sha256/<base64>` or colon/plain hex. */
  fingerprint: string;
}

export interface CertificateErrorInput {
  url: string;
  /** Chromium's error code, e.g. net::ERR_CERT_AUTHORITY_INVALID. */
  error: string;
  /** Certificate.fingerprint as Electron reports it. */
  fingerprint: string;
}

export interface CertificateDecision {
  trust: boolean;
  /** For the log: host, error and fingerprint only (the URL may carry a session_token query). */
  logMessage: string;
}

/** Normalises a SHA-256 fingerprint to lower-case hex, or null when it is not one. */
export function normalizeFingerprint(fingerprint: string): string | null {
  const trimmed = fingerprint.trim();
  if (trimmed.toLowerCase().startsWith('sha256/')) {
    const base64 = trimmed.slice('sha256/'.length);
    if (!/^[A-Za-z0-9+/]{43}=$/.test(base64)) return null;
    return Buffer.from(base64, 'base64').toString('hex');
  }
  const hex = trimmed.replace(/:/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/**
 * AB:CD:… — the form certificate viewers show. Plain 64-hex would also be the shape of a DF API key, which
 * the redacting logger hides, so the log would lose the one detail that identifies the certificate.
 */
export function fingerprintForLog(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(':');
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

export function decideCertificateError(
  input: CertificateErrorInput,
  trusted: readonly TrustedCertificate[],
): CertificateDecision {
  const host = hostOf(input.url);
  const fingerprint = normalizeFingerprint(input.fingerprint);
  const error = input.error.replace(/[^A-Za-z0-9_:.-]/g, '').slice(0, 80);
  const shown = fingerprint === null ? 'unreadable fingerprint' : `sha256 ${fingerprintForLog(fingerprint)}`;
  if (host === null || fingerprint === null) {
    return { trust: false, logMessage: `TLS certificate rejected (${error}) for ${host ?? 'a non-https URL'}: ${shown}.` };
  }
  const match = trusted.some((t) => t.host.toLowerCase() === host && normalizeFingerprint(t.fingerprint) === fingerprint);
  return match
    ? { trust: true, logMessage: `TLS certificate accepted by user trust (${error}) for ${host}: ${shown}.` }
    : { trust: false, logMessage: `TLS certificate rejected (${error}) for ${host}: ${shown}.` };
}
