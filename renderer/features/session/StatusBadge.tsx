import type { SessionStatus } from '../../../shared/ipc/contract.ts';
import { sessionBadge } from './sessionBadge.ts';

export function StatusBadge({ status, now = Date.now() }: { status: SessionStatus | undefined; now?: number }) {
  const badge = sessionBadge(status, now);
  return (
    <>
      <span className={`badge badge-${badge.tone}`} data-state={status?.state ?? 'unknown'}>
        {badge.label}
      </span>
      {badge.endsSoon && (
        <span className="badge badge-warn" title="The refresh window ends within a day: you will need to sign in again.">
          Ends soon
        </span>
      )}
    </>
  );
}
