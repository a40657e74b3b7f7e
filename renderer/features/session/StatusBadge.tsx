import type { SessionStatus } from '../../../shared/ipc/contract.ts';
import { refreshFailureReason } from './refreshFailure.ts';
import { retryingHint, sessionBadge } from './sessionBadge.ts';

export function StatusBadge({ status, now = Date.now() }: { status: SessionStatus | undefined; now?: number }) {
  const badge = sessionBadge(status, now);
  const failure = status?.lastRefreshError;
  return (
    <>
      <span className={`badge badge-${badge.tone}`} data-state={status?.state ?? 'unknown'}>
        {badge.stateLabel}
      </span>
      {badge.retrying && failure !== undefined && (
        <>
          {' '}
          <span
          className="badge-hint badge-hint-warn"
          data-testid="refresh-retrying"
          title={`The last refresh failed: ${refreshFailureReason(failure)}. DF Desk keeps your session and retries.`}
        >
          {retryingHint}
          </span>
        </>
      )}
      {badge.endsSoon && (
        <>
          {' '}
          <span className="badge badge-warn" title="The refresh window ends within a day: you will need to sign in again.">
            Ends soon
          </span>
        </>
      )}
    </>
  );
}
