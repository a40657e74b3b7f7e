import type { HttpMethod } from '../../../shared/ipc/contract.ts';
import type { WriteIntent } from '../instances/useGuardedWrite.ts';

/** What the confirmation dialog says before the console sends a write. */
export function consoleWriteIntent(method: HttpMethod, path: string, instanceName: string): WriteIntent {
  return {
    title: `Send ${method} ${path}?`,
    message: (
      <p>
        This sends <code>{`${method} /api/v2${path}`}</code> to <strong>{instanceName}</strong>.
      </p>
    ),
    confirmLabel: 'Send to production',
  };
}
