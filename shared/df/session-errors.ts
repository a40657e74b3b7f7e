// The session-ended errors the engine raises. Kind 'session-ended' tells every caller that a new sign-in is
// needed (docs/dreamfactory-protocol.md §4).
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

/** A token verdict from the server (blacklisted, past the window, …) as the reason the session ended. */
export function sessionEndedFrom(answer: DfAnswer): DfError {
  const error = errorFromAnswer(answer);
  const details: { status: number; code?: number | string } = { status: answer.status };
  if (error.code !== undefined) details.code = error.code;
  return new DfError('session-ended', answer.message, details);
}
