import { useEffect, useRef } from 'react';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { useDeskState } from '../../state/context.ts';

/** A failure a new sign-in answers: the session had ended, or the caller (guest, another role) was refused. */
export function answeredBySignIn(error: DeskError | null): boolean {
  return error?.kind === 'session-ended' || error?.kind === 'forbidden';
}

/**
 * Calls `onSignedIn` after each successful sign-in to the instance (the in-place one after a session ended, or
 * one from guest access): a failure shown from before it ("Sign in again…") no longer holds.
 */
export function useSignedIn(instanceId: string, onSignedIn: () => void): void {
  const state = useDeskState();
  const latest = useRef(onSignedIn);
  latest.current = onSignedIn;
  useEffect(() => {
    let seen = state.signIns.get()[instanceId] ?? 0;
    return state.signIns.subscribe(() => {
      const count = state.signIns.get()[instanceId] ?? 0;
      if (count === seen) return;
      seen = count;
      latest.current();
    });
  }, [state, instanceId]);
}
