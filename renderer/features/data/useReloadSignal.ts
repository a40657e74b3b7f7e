import { useEffect, useRef, useState } from 'react';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';

/** Who the instance's requests run as: a guest (the app's default role), a user, or nobody (ended); null while unknown. */
export function callerOf(status: SessionStatus | undefined): string | null {
  if (status?.state === 'signed-out') return 'guest';
  if (status?.state === 'active' || status?.state === 'refreshing') return `user:${status.user?.id ?? '?'}`;
  if (status?.state === 'needs-sign-in') return 'ended';
  return null;
}

/**
 * A number that goes up whenever what the data browser shows may have changed under it: the instance changed
 * (an `instances.changed` event or a saved edit hands the view a new Instance: a fixed API key, another URL), or
 * the caller changed (signed in, signed out, another user, signed in again after the session ended). Views read
 * their data again when it does.
 */
export function useReloadSignal(instance: Instance, status: SessionStatus | undefined): number {
  const [generation, setGeneration] = useState(0);
  const seen = useRef({ instance, caller: callerOf(status) });
  const caller = callerOf(status);

  useEffect(() => {
    const before = seen.current;
    // Not into an ended session (every request would fail), but out of one: signed in again, read again.
    const callerChanged = caller !== null && before.caller !== null && caller !== before.caller && caller !== 'ended';
    seen.current = { instance, caller: caller ?? before.caller };
    if (before.instance !== instance || callerChanged) setGeneration((count) => count + 1);
  }, [instance, caller]);

  return generation;
}
