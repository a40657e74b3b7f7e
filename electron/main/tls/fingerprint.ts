/**
 * SHA-256 certificate fingerprints in the forms DF Desk meets them: Chromium's `sha256/<base64>`, Node's
 * colon hex, and plain hex typed by the user. Shared by the pinned-certificate adapter and the shell's
 * certificate-error guard, so neither depends on the other.
 */

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
