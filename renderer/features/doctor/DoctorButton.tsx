import { useState } from 'react';
import type { DoctorFacts } from '../../../shared/doctor/facts.ts';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { useDeskState } from '../../state/context.ts';
import { Button } from '../../ui/Button.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { DoctorView } from './DoctorView.tsx';

/** Opens the forever-sessions doctor for a saved instance, over the current view. */
export function DoctorButton({ instance, status, label = 'Check forever sessions' }: { instance: Instance; status: SessionStatus | undefined; label?: string }) {
  const state = useDeskState();
  const [open, setOpen] = useState(false);
  const load = () => state.client.call('instances.doctor', { id: instance.id });
  // The sign-in form reads the server's settings once per address: after a check they may have changed.
  const onChecked = (facts: DoctorFacts) => state.forgetProbe(facts.url);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{label}</Button>
      {open && (
        <Modal title={`Forever sessions on ${instance.name}`} onClose={() => setOpen(false)} wide>
          <DoctorView load={load} signIn={{ instance, status }} onChecked={onChecked} />
        </Modal>
      )}
    </>
  );
}
