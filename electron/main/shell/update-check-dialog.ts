/**
 * What "Check for Updates…" in the menu tells the user when the check is done. The sidebar's status line
 * says it too, but a menu command that answers nowhere near the menu looks like it did nothing.
 */
import type { MessageBoxOptions } from 'electron';
import type { UpdateStatus } from '../../../shared/ipc/contract.ts';

export const restartButton = 0;

/** The message box for a finished check; `restartButton` is offered only when an update is ready. */
export function updateCheckMessage(status: UpdateStatus, currentVersion: string): MessageBoxOptions {
  const box = (message: string, detail?: string): MessageBoxOptions => ({
    type: 'info',
    title: 'Check for Updates',
    message,
    ...(detail === undefined ? {} : { detail }),
    buttons: ['OK'],
  });
  switch (status.state) {
    case 'up-to-date':
    case 'idle':
      return box(`DF Desk ${currentVersion} is up to date.`);
    case 'disabled':
      return box('Updates are off in this build.', status.message);
    case 'error':
      return { ...box('DF Desk could not check for updates.', status.message), type: 'warning' };
    case 'checking':
      return box('DF Desk is still checking for updates.', 'The result appears in the instance list.');
    case 'available':
    case 'downloading':
      return box(`DF Desk ${status.version} is downloading.`, 'You will be asked to restart when it is ready.');
    case 'ready':
      return {
        type: 'info',
        title: 'Check for Updates',
        message: `DF Desk ${status.version} is ready to install.`,
        detail: 'Restart now to install it, or it installs the next time you quit DF Desk.',
        buttons: ['Restart now', 'Later'],
        defaultId: restartButton,
        cancelId: 1,
      };
  }
}
