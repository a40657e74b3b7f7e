import { type ReactNode, useRef, useState } from 'react';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { useFocusRescue } from '../../ui/focus.ts';
import { Button } from '../../ui/Button.tsx';
import { EndedReason } from '../../ui/RawDetails.tsx';
import { useNow } from '../../ui/useNow.ts';
import { DoctorDialog } from '../doctor/DoctorDialog.tsx';
import { ActiveSession } from './ActiveSession.tsx';
import { GuestAccessNote } from './GuestAccessNote.tsx';
import { SignInForm } from './SignInForm.tsx';
import { useGuestAccess } from './useGuestAccess.ts';

export interface SessionPanelProps {
  instance: Instance;
  status: SessionStatus | undefined;
  onSignInAgain: () => void;
  /** Opens the instance's Edit form: the way out when the instance is blocked. */
  onEdit?: () => void;
}

/** The panel's states; refreshing is still the live session (its controls stay put). */
function viewOf(status: SessionStatus | undefined): string | null {
  if (!status) return null;
  return status.state === 'refreshing' ? 'active' : status.state;
}

export function SessionPanel({ instance, status, onSignInAgain, onEdit }: SessionPanelProps) {
  const live = status?.state === 'active' || status?.state === 'refreshing';
  const now = useNow(1000, live);
  const guest = useGuestAccess(instance, status);
  const panel = useRef<HTMLElement>(null);
  // Signing in, out or being asked to again replaces the control that had the focus: give it to the new view's
  // entry (its data-autofocus) instead of the page body.
  useFocusRescue(viewOf(status), panel, () => panel.current?.querySelector<HTMLElement>('[data-autofocus]') ?? null);

  const [doctorOpen, setDoctorOpen] = useState(false);
  const doctorButton = <Button onClick={() => setDoctorOpen(true)}>Check forever sessions</Button>;

  if (!status) return <p className="muted" aria-busy="true">Checking the session…</p>;

  let view: ReactNode;
  if (status.state === 'signed-out') {
    view = (
      <section className="session-panel" aria-label="Session" ref={panel}>
        <h2>Sign in to {instance.name}</h2>
        {guest && <GuestAccessNote context="session" />}
        <SignInForm instance={instance} status={status} />
        <div className="form-actions">
          {doctorButton}
        </div>
      </section>
    );
  } else if (status.state === 'needs-sign-in') {
    view = (
      <section className="session-panel" aria-label="Session" ref={panel}>
        <div className="alert alert-error" role="alert">
          <strong>{status.blocked ? 'DF Desk sends nothing to this instance.' : 'The session ended.'}</strong>
          <EndedReason reason={status.endedReason} />
          <p className="next-step">
            {status.blocked
              ? `Check the instance's address and certificate, then save it to keep working on ${instance.name}.`
              : `Sign in again to keep working on ${instance.name}.`}
          </p>
        </div>
        <div className="form-actions">
          {/* Blocked: a sign-in would be refused; saving the instance is what unblocks it. */}
          {status.blocked && onEdit ? (
            <Button variant="primary" onClick={onEdit} data-autofocus>
              Edit instance
            </Button>
          ) : (
            <Button variant="primary" onClick={onSignInAgain} data-autofocus>
              Open sign-in
            </Button>
          )}
          {doctorButton}
        </div>
      </section>
    );
  } else {
    view = (
      <section className="session-panel" aria-label="Session" ref={panel}>
        <ActiveSession instance={instance} status={status} now={now} doctorButton={doctorButton} />
      </section>
    );
  }

  // Outside the views: a sign-in from inside the doctor changes the view and must not close it.
  return (
    <>
      {view}
      {doctorOpen && <DoctorDialog instance={instance} status={status} onClose={() => setDoctorOpen(false)} />}
    </>
  );
}
