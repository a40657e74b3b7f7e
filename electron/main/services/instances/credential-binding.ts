/**
 * Where an instance's saved secrets may be sent (issue 8, item 7). settings.json says where an instance is,
 * but any process of the user may edit it; the keychain it cannot read. So the keychain also keeps, per
 * instance, the origin and the pinned certificate its API key and tokens were saved for
 * (`.origin/<instanceId>`, see vault-accounts.ts). Before anything is sent, the settings must agree with it:
 * an instance whose address or certificate was changed behind DF Desk's back sends nothing, and says why.
 *
 * A DF token also says where it came from: its `iss` claim is the URL of the request that minted it, signed by
 * the server. That vouches for entries saved before this binding existed (instances/legacy-secrets.ts).
 */

export interface CredentialBinding {
  /** scheme://host[:port] of the instance URL. */
  origin: string;
  /** The pinned certificate's SHA-256 (AB:CD:…), or null for the normal certificate checks. */
  pin: string | null;
}

const FORMAT = 'v1';

export function bindingOf(instance: { url: string; trustedCertificateSha256?: string | undefined }): CredentialBinding {
  return { origin: new URL(instance.url).origin, pin: instance.trustedCertificateSha256 ?? null };
}

export function formatBinding(binding: CredentialBinding): string {
  return `${FORMAT} ${binding.origin} ${binding.pin ?? '-'}`;
}

/** null when the text is not a binding this version wrote. */
export function parseBinding(text: string): CredentialBinding | null {
  const [format, origin, pin, ...rest] = text.split(' ');
  if (format !== FORMAT || origin === undefined || pin === undefined || rest.length > 0) return null;
  try {
    if (new URL(origin).origin !== origin) return null;
  } catch {
    return null;
  }
  return { origin, pin: pin === '-' ? null : pin };
}

export function sameBinding(a: CredentialBinding, b: CredentialBinding): boolean {
  return a.origin === b.origin && a.pin === b.pin;
}

/** The origin of a DF token's `iss` claim (the server's own record of where it was minted), or null. */
export function issuerOrigin(token: string): string | null {
  const payload = token.split('.')[1];
  if (payload === undefined || payload === '') return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const iss = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>).iss : undefined;
    return typeof iss === 'string' ? new URL(iss).origin : null;
  } catch {
    return null;
  }
}

const whatToDo = 'If you made this change, edit the instance and save it, enter its API key again and sign in';

/** Why nothing is sent: the settings point elsewhere than the saved credentials were meant for. */
export function mismatchReason(saved: CredentialBinding, now: CredentialBinding): string {
  if (saved.origin !== now.origin) {
    return `The address of this instance was changed outside DF Desk: its API key and session were saved for ${saved.origin}, but it now points to ${now.origin}. DF Desk sent nothing there. ${whatToDo}; otherwise change the address back to ${saved.origin}.`;
  }
  return `The certificate trusted for this instance was changed outside DF Desk, so DF Desk sent nothing to ${now.origin}. ${whatToDo}; otherwise trust the original certificate again.`;
}

export const unreadableBindingReason = `DF Desk cannot tell which address the saved API key and session of this instance belong to, so it sent nothing. ${whatToDo}.`;

/** What a change of the trusted certificate cost, in plain words; undefined when nothing was lost. */
export function pinChangeReason(dropped: { apiKey: boolean; session: boolean }): string | undefined {
  const start = 'The certificate trusted for this instance changed, so DF Desk';
  if (dropped.apiKey && dropped.session) return `${start} signed out and forgot its API key. Enter the API key again and sign in.`;
  if (dropped.session) return `${start} signed out. Sign in again.`;
  if (dropped.apiKey) return `${start} forgot its API key. Enter the API key again.`;
  return undefined;
}
