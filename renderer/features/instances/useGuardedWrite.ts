import { type ReactNode, useCallback } from 'react';
import type { Instance } from '../../../shared/ipc/contract.ts';
import { uiError } from '../../uiError.ts';
import { useConfirm } from '../../ui/confirm.tsx';
import { isProd } from './tags.ts';

export interface WriteIntent {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Deleting asks on every instance; other writes ask only on production. */
  destructive?: boolean;
}

export type GuardedResult<T> = { done: true; value: T } | { done: false };

/**
 * Runs a write after the confirmations it needs: always on a prod instance, and for deletes anywhere. The
 * main process refuses destructive prod calls without `confirmed`, so if it still answers
 * 'confirmation-required' (say, the tag changed in another window) we ask and retry once.
 */
export function useGuardedWrite(instance: Instance) {
  const confirm = useConfirm();
  return useCallback(
    async <T>(intent: WriteIntent, run: (confirmed: boolean) => Promise<T>): Promise<GuardedResult<T>> => {
      const production = isProd(instance);
      let confirmed = false;
      if (production || intent.destructive) {
        const ok = await confirm({ ...intent, production, danger: intent.destructive ?? false });
        if (!ok) return { done: false };
        confirmed = true;
      }
      try {
        return { done: true, value: await run(confirmed) };
      } catch (error) {
        if (confirmed || uiError(error).kind !== 'confirmation-required') throw error;
        const ok = await confirm({ ...intent, production: true, danger: true });
        if (!ok) return { done: false };
        return { done: true, value: await run(true) };
      }
    },
    [instance, confirm],
  );
}
