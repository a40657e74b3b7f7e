// The session-ended errors the engine raises. Kind 'session-ended' tells every caller that a new sign-in is
// needed (docs/dreamfactory-protocol.md §4). And the one it raises when the refresh lock is not free in time.
import type { DfAnswer } from './errors.ts';
import { DfError, errorFromAnswer } from './errors.ts';

export function endedError(): DfError {
  return new DfError('session-ended', 'The DreamFactory session has ended. Please sign in again.');
}

export function notSignedInError(): DfError {
  return new DfError('session-ended', 'Not signed in. Please sign in.');
}

export function signedOutError(): DfError {
  return new DfError('session-ended', 'Signed out. Please sign in again.');
}

/** Work begun before a sign-in or sign-out finished after it: it must not touch the new session. */
export function staleError(): DfError {
  return new DfError('session-ended', 'The session changed (sign-in or sign-out) while it was being refreshed.');
}

/**
 * The refresh lock was not had in time (another process held it for long). Not 'session-ended': like a network
 * failure, the attempt is recorded and tried again, and the token is kept.
 */
export function lockError(): DfError {
  return new DfError(
    'network',
    'The session is being refreshed by another DF Desk window or process, which did not finish in time. The refresh will be tried again.',
  );
}

/** A token verdict from the server (blacklisted, past the window, …) as the reason the session ended. */
export function sessionEndedFrom(answer: DfAnswer): DfError {
  const error = errorFromAnswer(answer);
  const details: { status: number; code?: number | string } = { status: answer.status };
  if (error.code !== undefined) details.code = error.code;
  return new DfError('session-ended', answer.message, details);
}
