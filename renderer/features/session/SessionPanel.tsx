import { useRef } from 'react';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { useFocusRescue } from '../../ui/focus.ts';
import { Button } from '../../ui/Button.tsx';
import { EndedReason } from '../../ui/RawDetails.tsx';
import { useNow } from '../../ui/useNow.ts';
import { ActiveSession } from './ActiveSession.tsx';
import { GuestAccessNote } from './GuestAccessNote.tsx';
import { SignInForm } from './SignInForm.tsx';
import { useGuestAccess } from './useGuestAccess.ts';

export interface SessionPanelProps {
  instance: Instance;
  status: SessionStatus | undefined;
  onSignInAgain: () => void;
}

/** The panel's states; refreshing is still the live session (its controls stay put). */
function viewOf(status: SessionStatus | undefined): string | null {
  if (!status) return null;
  return status.state === 'refreshing' ? 'active' : status.state;
}

export function SessionPanel({ instance, status, onSignInAgain }: SessionPanelProps) {
  const live = status?.state === 'active' || status?.state === 'refreshing';
  const now = useNow(1000, live);
  const guest = useGuestAccess(instance, status);
  const panel = useRef<HTMLElement>(null);
  // Signing in, out or being asked to again replaces the control that had the focus: give it to the new view's
  // entry (its data-autofocus) instead of the page body.
  useFocusRescue(viewOf(status), panel, () => panel.current?.querySelector<HTMLElement>('[data-autofocus]') ?? null);

  if (!status) return <p className="muted" aria-busy="true">Checking the session…</p>;

  if (status.state === 'signed-out') {
    return (
      <section className="session-panel" aria-label="Session" ref={panel}>
        <h2>Sign in to {instance.name}</h2>
        {guest && <GuestAccessNote context="session" />}
        <SignInForm instance={instance} status={status} />
      </section>
    );
  }

  if (status.state === 'needs-sign-in') {
    return (
      <section className="session-panel" aria-label="Session" ref={panel}>
        <div className="alert alert-error" role="alert">
          <strong>The session ended.</strong>
          <EndedReason reason={status.endedReason} />
          <p className="next-step">Sign in again to keep working on {instance.name}.</p>
        </div>
        <Button variant="primary" onClick={onSignInAgain} data-autofocus>
          Open sign-in
        </Button>
      </section>
    );
  }

  return (
    <section className="session-panel" aria-label="Session" ref={panel}>
      <ActiveSession instance={instance} status={status} now={now} />
    </section>
  );
}
