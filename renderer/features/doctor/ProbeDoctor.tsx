import { useRef, useState } from 'react';
import type { DoctorFacts } from '../../../shared/doctor/facts.ts';
import type { ProbeReport } from '../../../shared/ipc/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { DoctorView } from './DoctorView.tsx';

const factsOf = (report: ProbeReport): DoctorFacts => ({ checkedAt: Date.now(), url: report.url, server: report.server, session: null });

/**
 * The doctor inside a connection test, before the instance is saved: server facts only. It starts from the
 * test's own report (no second request) and "Check again" runs the same test again.
 */
export function ProbeDoctor({ report, recheck }: { report: ProbeReport; recheck: () => Promise<ProbeReport> }) {
  const [open, setOpen] = useState(false);
  const first = useRef(true);
  async function load(): Promise<DoctorFacts> {
    if (first.current) {
      first.current = false;
      return factsOf(report);
    }
    return factsOf(await recheck());
  }
  if (!open) {
    return (
      <div className="form-actions doctor-entry">
        <Button onClick={() => setOpen(true)}>Open the forever-sessions doctor</Button>
      </div>
    );
  }
  return (
    <section className="doctor-inline" aria-label="Forever-sessions doctor">
      <h3>Forever-sessions doctor</h3>
      <DoctorView load={load} />
    </section>
  );
}
