import { useEffect, useState } from 'react';
import { services as readServices } from '../../../shared/df/api.ts';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { useDeskState } from '../../state/context.ts';

/**
 * Does the API key alone open data on this instance (guest access)? Asked only while signed out, the way the
 * main process then sends requests: with the key and no token. DF lists the services the app's default role
 * reaches; any at all means the Data tab and the console work without a sign-in. False when none or on failure.
 */
export function useGuestAccess(instance: Instance, status: SessionStatus | undefined): boolean {
  const state = useDeskState();
  const api = state.client.api(instance.id);
  const signedOut = status?.state === 'signed-out';
  const [open, setOpen] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a changed instance (a new API key) asks again.
  useEffect(() => {
    setOpen(false);
    if (!signedOut) return;
    let live = true;
    readServices(api).then(
      (list) => live && setOpen(list.length > 0),
      () => live && setOpen(false),
    );
    return () => {
      live = false;
    };
  }, [api, signedOut, instance]);

  return signedOut && open;
}
