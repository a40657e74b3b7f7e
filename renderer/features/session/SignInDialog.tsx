import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { Modal } from '../../ui/Modal.tsx';
import { EndedReason } from '../../ui/RawDetails.tsx';
import { SignInForm } from './SignInForm.tsx';

export interface SignInDialogProps {
  instance: Instance;
  status: SessionStatus | undefined;
  onClose: () => void;
}

/** Opens over the current view when a session ends, so nothing the user typed is lost. */
export function SignInDialog({ instance, status, onClose }: SignInDialogProps) {
  const reason = status?.state === 'needs-sign-in' ? status.endedReason : undefined;
  // Opened from a guest view (signed out, browsing with the app's default role) rather than after a session ended.
  const guest = status?.state === 'signed-out';
  return (
    <Modal title={`Sign in to ${instance.name}`} onClose={onClose}>
      {guest ? (
        <p>
          You are using <strong>{instance.name}</strong> as a guest, with the app's default role. Sign in to use your
          own role.
        </p>
      ) : (
        <p>
          Your session on <strong>{instance.name}</strong> ended.
        </p>
      )}
      {/* The reason is often DF's own sentence: in plain words on a line of its own, DF's text under Details. */}
      <EndedReason reason={reason} />
      <p>Sign in to continue; the screen behind this dialog stays as you left it.</p>
      <SignInForm instance={instance} status={status} onSignedIn={onClose} onCancel={onClose} cancelLabel="Not now" />
    </Modal>
  );
}
