/**
 * When the last background refresh failed. The session library keeps only the error (kind and message), so the
 * desk stamps the time itself: at the end of each failed attempt, watched through the client's status events
 * (a refresh shows as 'refreshing' and then settles). A repeated identical failure gets a new time, so the UI
 * can say "failed 5s ago" rather than the time of the first failure an hour back.
 */
import type { DfSessionStatus } from '../../../../shared/df/index.ts';
import type { SessionStatus } from '../../../../shared/ipc/contract.ts';
import { redactText } from '../../../../shared/secrets.ts';

export type RefreshFailure = NonNullable<SessionStatus['lastRefreshError']>;

export interface TrackedRefreshFailure extends RefreshFailure {
  /** A new attempt started after this failure; if it settles with an error, that is a new failure. */
  retrying: boolean;
}

/** The message as the renderer may see it: JWT-shaped text (DfError) and the instance's API key removed. */
function plainMessage(message: string, apiKey: string | null): string {
  return redactText(message, [apiKey]);
}

/** The next tracked failure after observing `df`; pure, so statuses pulled and pushed agree. */
export function trackRefreshFailure(
  previous: TrackedRefreshFailure | undefined,
  df: DfSessionStatus,
  now: number,
  apiKey: string | null,
): TrackedRefreshFailure | undefined {
  const error = df.lastError;
  // A success clears the library's error; an ended session is told through endedReason instead.
  if (error === undefined || error.kind === 'session-ended') return undefined;
  if (df.state === 'refreshing') return previous === undefined ? undefined : { ...previous, retrying: true };
  const message = plainMessage(error.message, apiKey);
  if (previous !== undefined && !previous.retrying && previous.kind === error.kind && previous.message === message) {
    return previous;
  }
  return { kind: error.kind, message, at: now, retrying: false };
}

export function publicRefreshFailure(tracked: TrackedRefreshFailure | undefined): RefreshFailure | undefined {
  if (tracked === undefined) return undefined;
  return { kind: tracked.kind, message: tracked.message, at: tracked.at };
}
