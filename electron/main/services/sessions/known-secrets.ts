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

export class KnownSecrets {
  private readonly byOwner = new Map<string, string[]>();
  private flat: string[] = [];

  /** Remembers `secret` (and its variants) under `owner`, e.g. `key:<instanceId>`. Null or empty: nothing. */
  remember(owner: string, secret: string | null | undefined): void {
    if (secret === null || secret === undefined || secret === '') return;
    const kept = this.byOwner.get(owner) ?? [];
    if (kept.includes(secret)) return;
    this.byOwner.set(owner, [secret, ...kept].slice(0, KEPT_PER_OWNER));
    // shared/secrets.ts looks for each in every form a server may quote it in (secretVariants).
    this.flat = [...new Set([...this.byOwner.values()].flat())];
  }

  /** Every known secret, as given (the redaction functions expand each into its quoted forms). */
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
