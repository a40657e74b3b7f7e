/**
 * Defence in depth: the main process never hands the renderer a token, but a console call such as
 * GET /user/session would echo one in its body. What is shown hides token fields and JWTs; what is kept in
 * localStorage (console history) hides every secret-named field as well. The patterns live in shared/secrets.ts.
 */
import { isTokenKey, mayHoldSecret, redactData } from '../../shared/secrets.ts';

export { REDACTED as redactedText } from '../../shared/secrets.ts';

/** For showing a response. */
export function redactForDisplay(value: unknown): unknown {
  return redactData(value, { hideKey: isTokenKey });
}

/** For anything kept in localStorage (console history): as thorough as a log line. */
export function redactForStorage(value: unknown): unknown {
  return redactData(value, { hideKey: mayHoldSecret, thorough: true });
}

export const isSecretParam = mayHoldSecret;
