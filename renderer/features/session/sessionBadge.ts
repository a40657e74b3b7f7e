import type { SessionState, SessionStatus } from '../../../shared/ipc/contract.ts';

export const stateLabels: Record<SessionState, string> = {
  active: 'Active',
  refreshing: 'Refreshing',
  'needs-sign-in': 'Needs sign-in',
  'signed-out': 'Signed out',
};

const tones: Record<SessionState, string> = {
  active: 'ok',
  refreshing: 'info',
  'needs-sign-in': 'bad',
  'signed-out': 'muted',
};

/** A non-forever session dies when its refresh window ends; a day's warning gives time to plan a sign-in. */
export const endsSoonMs = 24 * 60 * 60 * 1000;

export interface SessionBadge {
  /** The whole status in words ("Active, retrying"): the sidebar's accessible name uses it. */
  label: string;
  /** The state alone, shown in the badge ("Active"). */
  stateLabel: string;
  tone: string;
  endsSoon: boolean;
  /** The last background refresh failed; the session is kept and DF Desk retries. */
  retrying: boolean;
}

/** Appended to the state in the accessible status; the visible hint says the same word. */
export const retryingHint = 'retrying';

export function sessionBadge(status: SessionStatus | undefined, now: number): SessionBadge {
  if (!status) return { label: 'Checking…', stateLabel: 'Checking…', tone: 'muted', endsSoon: false, retrying: false };
  const endsSoon =
    status.state === 'active' &&
    !status.forever &&
    status.refreshWindowEndsAt !== undefined &&
    status.refreshWindowEndsAt - now < endsSoonMs;
  const kept = status.state === 'active' || status.state === 'refreshing';
  const retrying = kept && status.lastRefreshError !== undefined;
  const stateLabel = stateLabels[status.state];
  // The state stays first: selectors and screen-reader users match "<name>, <Tag>, Active" as a prefix.
  const label = retrying ? `${stateLabel}, ${retryingHint}` : stateLabel;
  return { label, stateLabel, tone: tones[status.state], endsSoon, retrying };
}
