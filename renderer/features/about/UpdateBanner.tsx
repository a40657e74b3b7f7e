import { useState } from 'react';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { useDeskState } from '../../state/context.ts';
import { useStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { uiError } from '../../uiError.ts';

/**
 * "Update ready" at the top of the window: never a dialog, so it cannot interrupt work. "Later" hides it for
 * this version only; electron-updater then installs the update when DF Desk next quits.
 */
export function UpdateBanner() {
  const state = useDeskState();
  const info = useStore(state.app.info);
  const [laterFor, setLaterFor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskError | null>(null);
  const updates = info?.updates;
  if (updates?.state !== 'ready' || laterFor === updates.version) return null;

  async function restart() {
    setBusy(true);
    setError(null);
    try {
      // On success the app quits; the answer may never arrive.
      await state.client.call('update.restart', {});
    } catch (failure) {
      setError(uiError(failure));
      setBusy(false);
    }
  }

  return (
    <div className="banner banner-info" role="status" aria-label="Update ready">
      <div>
        <strong>Update ready: DF Desk {updates.version}.</strong> Restart DF Desk to install it. Your instances and
        signed-in sessions are kept.
        <ErrorAlert error={error} title="Could not restart to update." />
      </div>
      <div className="banner-actions">
        <Button variant="primary" onClick={restart} busy={busy}>
          Restart now
        </Button>
        <Button onClick={() => setLaterFor(updates.version)}>Later</Button>
      </div>
    </div>
  );
}
