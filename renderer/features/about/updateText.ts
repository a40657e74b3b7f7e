import type { DeskNoticeKind, UpdateStatus } from '../../../shared/ipc/contract.ts';

/**
 * The one line under the version saying where updates stand, or `null` for nothing to say: a build that never
 * updates, no check yet, or an update that is ready (the banner at the top says that, with its buttons).
 */
export function updateLine(status: UpdateStatus): string | null {
  switch (status.state) {
    case 'checking':
      return 'Checking for updates…';
    case 'available':
      return `Downloading DF Desk ${status.version}…`;
    case 'downloading':
      return `Downloading DF Desk ${status.version}: ${status.percent}%`;
    case 'up-to-date':
      return 'DF Desk is up to date.';
    case 'error':
      return 'Could not check for updates.';
    case 'disabled':
    case 'idle':
    case 'ready':
      return null;
  }
}

/** Short names for the notices, for their headings and their Dismiss buttons. */
export const noticeTitles: Record<DeskNoticeKind, string> = {
  'settings-recovered': 'Settings file recovered',
  'settings-migrated': 'Settings upgraded',
  'window-reloaded': 'Window reloaded',
};
