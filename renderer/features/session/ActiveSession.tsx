import { type ReactNode, useState } from 'react';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';
import { useDeskState } from '../../state/context.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatRelative, formatTime } from '../../ui/format.ts';
import { ForeverSessionsHelp } from './ForeverSessionsHelp.tsx';
import { refreshFailureReason } from './refreshFailure.ts';
import { StatusBadge } from './StatusBadge.tsx';

function When({ at, now, empty }: { at: number | undefined; now: number; empty: string }) {
  if (at === undefined) return <>{empty}</>;
  return (
    <>
      {formatRelative(at, now)} <span className="muted">({formatTime(at)})</span>
    </>
  );
}

function SessionFacts({ status, now }: { status: SessionStatus; now: number }) {
  const user = status.user;
  return (
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
  );
}

/** A live session (active or refreshing): its facts, and Refresh now / Sign out. */
export interface ActiveSessionProps {
  instance: Instance;
  status: SessionStatus;
  now: number;
  /** Opens the forever-sessions doctor (its dialog belongs to the panel, which outlives this view). */
  doctorButton?: ReactNode;
}

export function ActiveSession({ instance, status, now, doctorButton }: ActiveSessionProps) {
  const state = useDeskState();
  const [busy, setBusy] = useState<'refresh' | 'sign-out' | null>(null);
  const [error, setError] = useState<DeskError | null>(null);

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

  return (
    <>
      <div className="session-head">
        {/* The focus lands here after a sign-in replaced the form (tabIndex -1: reachable by script only). */}
        <h2 tabIndex={-1} data-autofocus>
          Session
        </h2>
        <StatusBadge status={status} now={now} />
      </div>
      {status.lastRefreshError && (
        // Not a live region: the relative time ticks every second and would be read out again each time.
        <p className="alert alert-warn refresh-failure" data-testid="refresh-failure">
          <strong>Last refresh failed:</strong> {refreshFailureReason(status.lastRefreshError)} (
          {formatRelative(status.lastRefreshError.at, now)}) — DF Desk keeps your session and retries.
        </p>
      )}
      <SessionFacts status={status} now={now} />
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
        {doctorButton}
      </div>
    </>
  );
}
