import { useState } from 'react';
import { useDeskState } from '../../state/context.ts';
import { useStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';

/** When the OS keychain is unusable, sessions live in memory only: say so at the top, with the fix. */
export function VaultBanner() {
  const state = useDeskState();
  const vault = useStore(state.vault);
  const [busy, setBusy] = useState(false);
  if (vault?.mode !== 'session-only') return null;

  async function recheck() {
    setBusy(true);
    try {
      await state.checkVault();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="banner banner-warn" role="alert" aria-label="Keychain notice">
      <div>
        <strong>The system keychain is not available: sessions are kept in memory only.</strong> You will have to sign
        in again after restarting DF Desk.
        {vault.reason && <p>Why: {vault.reason}</p>}
        {vault.fix && <p className="next-step">Fix: {vault.fix}</p>}
      </div>
      <Button onClick={recheck} busy={busy}>
        Check keychain again
      </Button>
    </div>
  );
}
