import { useState } from 'react';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';
import { useDeskState } from '../../state/context.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatRelative, formatTime } from '../../ui/format.ts';
import { useNow } from '../../ui/useNow.ts';
import { ForeverSessionsHelp } from './ForeverSessionsHelp.tsx';
import { GuestAccessNote } from './GuestAccessNote.tsx';
import { refreshFailureReason } from './refreshFailure.ts';
import { SignInForm } from './SignInForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { useGuestAccess } from './useGuestAccess.ts';

export interface SessionPanelProps {
  instance: Instance;
  status: SessionStatus | undefined;
  onSignInAgain: () => void;
}

function When({ at, now, empty }: { at: number | undefined; now: number; empty: string }) {
  if (at === undefined) return <>{empty}</>;
  return (
    <>
      {formatRelative(at, now)} <span className="muted">({formatTime(at)})</span>
    </>
  );
}

export function SessionPanel({ instance, status, onSignInAgain }: SessionPanelProps) {
  const state = useDeskState();
  const live = status?.state === 'active' || status?.state === 'refreshing';
  const now = useNow(1000, live);
  const [busy, setBusy] = useState<'refresh' | 'sign-out' | null>(null);
  const [error, setError] = useState<DeskError | null>(null);
  const guest = useGuestAccess(instance, status);

  async function run(action: 'refresh' | 'sign-out') {
    setBusy(action);
    setError(null);
    try {
      const channel = action === 'refresh' ? 'session.refresh' : 'session.signOut';
      state.putStatus(await state.client.call(channel, { id: instance.id }));
    } catch (failure) {
      setError(uiError(failure));
    } finally {
      setBusy(null);
    }
  }

  if (!status) return <p className="muted" aria-busy="true">Checking the session…</p>;

  if (status.state === 'signed-out') {
    return (
      <section className="session-panel" aria-label="Session">
        <h2>Sign in to {instance.name}</h2>
        {guest && <GuestAccessNote context="session" />}
        <SignInForm instance={instance} />
      </section>
    );
  }

  if (status.state === 'needs-sign-in') {
    return (
      <section className="session-panel" aria-label="Session">
        <div className="alert alert-error" role="alert">
          <strong>The session ended.</strong>
          {status.endedReason && <p>{status.endedReason}</p>}
          <p className="next-step">Sign in again to keep working on {instance.name}.</p>
        </div>
        <Button variant="primary" onClick={onSignInAgain}>
          Open sign-in
        </Button>
      </section>
    );
  }

  const user = status.user;
  return (
    <section className="session-panel" aria-label="Session">
      <div className="session-head">
        <h2>Session</h2>
        <StatusBadge status={status} now={now} />
      </div>
      {status.lastRefreshError && (
        // Not a live region: the relative time ticks every second and would be read out again each time.
        <p className="alert alert-warn refresh-failure" data-testid="refresh-failure">
          <strong>Last refresh failed:</strong> {refreshFailureReason(status.lastRefreshError)} (
          {formatRelative(status.lastRefreshError.at, now)}) — DF Desk keeps your session and retries.
        </p>
      )}
      <dl className="facts">
        <dt>User</dt>
        <dd>
          {user ? (
            <>
              {user.name}
              {user.email && <span className="muted"> &lt;{user.email}&gt;</span>}
              {' · '}
              {status.admin || user.isSysAdmin ? 'System admin' : (user.role ?? 'User')}
            </>
          ) : (
            'Unknown'
          )}
        </dd>
        <dt>Token expires</dt>
        <dd data-testid="token-expiry">
          <When at={status.expiresAt} now={now} empty="Unknown" />
        </dd>
        <dt>Refresh window ends (estimate)</dt>
        <dd>
          {status.forever ? (
            <>
              Slides with every refresh.{' '}
              {status.refreshWindowEndsAt !== undefined && (
                <span className="muted">Next deadline: {formatTime(status.refreshWindowEndsAt)}</span>
              )}
            </>
          ) : (
            <When at={status.refreshWindowEndsAt} now={now} empty="Unknown" />
          )}
        </dd>
        <dt>Forever session</dt>
        <dd>{status.forever ? 'Yes' : 'No'}</dd>
        <dt>Last refresh</dt>
        <dd>
          <When at={status.lastRefreshAt} now={now} empty="Not yet" />
        </dd>
        <dt>Refresh count</dt>
        <dd>{status.refreshCount}</dd>
        <dt>Token kept in</dt>
        <dd>{status.persistence === 'keychain' ? 'System keychain' : 'Memory only (lost when DF Desk quits)'}</dd>
      </dl>
      {!status.forever && (
        <details className="help-details">
          <summary>Why will I have to sign in again?</summary>
          <ForeverSessionsHelp />
        </details>
      )}
      <ErrorAlert error={error} />
      <div className="form-actions">
        <Button onClick={() => run('refresh')} busy={busy === 'refresh'} disabled={busy !== null}>
          Refresh now
        </Button>
        <Button variant="danger" onClick={() => run('sign-out')} busy={busy === 'sign-out'} disabled={busy !== null}>
          Sign out
        </Button>
      </div>
    </section>
  );
}
