import type { DoctorFacts } from '../../../shared/doctor/facts.ts';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { useDeskState } from '../../state/context.ts';
import { Modal } from '../../ui/Modal.tsx';
import { DoctorView } from './DoctorView.tsx';

export interface DoctorDialogProps {
  instance: Instance;
  status: SessionStatus | undefined;
  onClose: () => void;
}

/**
 * The forever-sessions doctor for a saved instance, over the current view. Its owner keeps it open across
 * session states: a sign-in from inside it turns a signed-out panel into an active one.
 */
export function DoctorDialog({ instance, status, onClose }: DoctorDialogProps) {
  const state = useDeskState();
  const load = () => state.client.call('instances.doctor', { id: instance.id });
  // The sign-in form reads the server's settings once per address: after a check they may have changed.
  const onChecked = (facts: DoctorFacts) => state.forgetProbe(facts.url);
  return (
    <Modal title={`Forever sessions on ${instance.name}`} onClose={onClose} wide>
      <DoctorView load={load} signIn={{ instance, status }} onChecked={onChecked} />
    </Modal>
  );
}
