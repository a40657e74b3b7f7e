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
  label: string;
  tone: string;
  endsSoon: boolean;
}

export function sessionBadge(status: SessionStatus | undefined, now: number): SessionBadge {
  if (!status) return { label: 'Checking…', tone: 'muted', endsSoon: false };
  const endsSoon =
    status.state === 'active' &&
    !status.forever &&
    status.refreshWindowEndsAt !== undefined &&
    status.refreshWindowEndsAt - now < endsSoonMs;
  return { label: stateLabels[status.state], tone: tones[status.state], endsSoon };
}
