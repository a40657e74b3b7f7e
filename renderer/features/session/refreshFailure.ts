import type { SessionStatus } from '../../../shared/ipc/contract.ts';

type RefreshFailure = NonNullable<SessionStatus['lastRefreshError']>;

/**
 * The failure in plain words, ready to sit mid-sentence (no closing period). A server error's own text
 * ("Internal Server Error") says little to a user, so it is introduced as the server's problem.
 */
export function refreshFailureReason(failure: RefreshFailure): string {
  const message = failure.message.trim().replace(/\.+$/, '');
  if (failure.kind === 'server') return `the server had a problem (${message})`;
  if (message === '') return failure.kind === 'network' ? 'the server could not be reached' : 'an unknown error';
  return message;
}
