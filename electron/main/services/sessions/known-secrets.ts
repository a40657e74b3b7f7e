/**
 * The desk's own last line against a server that quotes a credential back (issue 8, item 5): the API keys and
 * tokens DF Desk holds, remembered in every form a server may echo them in, and hidden from session statuses,
 * error messages and log lines, whatever their field is called. A key need not look like one (`k-Live_0123!`
 * is no 64-hex string, so the shape-based rules of shared/secrets.ts cannot see it): it is hidden because it
 * is known. The session library strips the exact key from the errors it keeps; this also catches it URL- or
 * HTML-encoded, JSON-escaped, and in anything the library does not handle.
 */
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { redactText, redactValue } from '../../../../shared/secrets.ts';
import type { LogFields, Logger } from '../../ports.ts';

/** How many keys per instance stay hidden after they were replaced (late log lines may still quote one). */
const KEPT_PER_OWNER = 4;

function hex(char: string): string {
  return [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** The forms a server may quote `secret` in: as is, URL-encoded (RFC 3986, PHP's urlencode), HTML-escaped, JSON-escaped. */
export function secretVariants(secret: string): string[] {
  const rfc3986 = secret.replace(/[^A-Za-z0-9\-_.~]/gu, hex);
  const variants = [
    secret,
    rfc3986,
    rfc3986.replace(/%[0-9A-F]{2}/g, (pair) => pair.toLowerCase()),
    encodeURIComponent(secret),
    rfc3986.replace(/%20/g, '+').replace(/~/g, '%7E'),
    secret.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#039;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    secret.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
  ];
  return [...new Set(variants)];
}

export class KnownSecrets {
  private readonly byOwner = new Map<string, string[]>();
  private flat: string[] = [];

  /** Remembers `secret` (and its variants) under `owner`, e.g. `key:<instanceId>`. Null or empty: nothing. */
  remember(owner: string, secret: string | null | undefined): void {
    if (secret === null || secret === undefined || secret === '') return;
    const kept = this.byOwner.get(owner) ?? [];
    if (kept.includes(secret)) return;
    this.byOwner.set(owner, [secret, ...kept].slice(0, KEPT_PER_OWNER));
    this.flat = [...new Set([...this.byOwner.values()].flat().flatMap(secretVariants))].sort((a, b) => b.length - a.length);
  }

  /** Every known secret in every form, longest first (so a variant that contains another goes whole). */
  list(): readonly string[] {
    return this.flat;
  }

  /** For texts the renderer or the log sees: known secrets and every credential-shaped part hidden. */
  scrub(text: string): string {
    return redactText(text, this.flat);
  }

  /** The same error, or a copy whose message hides the known secrets (the cause, which may quote them, is dropped). */
  scrubError(error: DeskError): DeskError {
    const message = this.scrub(error.message);
    if (message === error.message) return error;
    return new DeskError(error.kind, message, error.status === undefined ? {} : { status: error.status });
  }

  /** A logger that hides the known secrets from the message and from every field, whatever its name. */
  logger(base: Logger): Logger {
    const line =
      (write: (message: string, fields?: LogFields) => void) =>
      (message: string, fields?: LogFields): void => {
        if (fields === undefined) write(this.scrub(message));
        else write(this.scrub(message), redactValue(fields, this.flat) as LogFields);
      };
    return {
      debug: line((m, f) => base.debug(m, f)),
      info: line((m, f) => base.info(m, f)),
      warn: line((m, f) => base.warn(m, f)),
      error: line((m, f) => base.error(m, f)),
    };
  }
}
