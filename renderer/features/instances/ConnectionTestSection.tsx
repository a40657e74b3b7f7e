import { useEffect, useRef } from 'react';
import type { ProbeReport } from '../../../shared/ipc/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { focusIsLost } from '../../ui/focus.ts';
import { ProbeChecklist } from '../diagnostics/ProbeChecklist.tsx';
import { PinnedCertificate, TrustCertificate } from './CertificateTrust.tsx';
import type { ConnectionTestState } from './useConnectionTest.ts';

export interface ConnectionTestSectionProps {
  probe: ConnectionTestState;
  onTest: () => void;
  /** The edited instance's pinned certificate, if it has one. */
  pinnedSha256: string | undefined;
  forgetPin: boolean;
  onForgetPin: (forget: boolean) => void;
}

/** The outcome in one line, read out when the test ends. */
export function probeSummary(report: ProbeReport): string {
  const failed = report.checks.filter((check) => check.ok === false).length;
  if (failed === 0) return 'Connection test finished: no check failed.';
  return `Connection test finished: ${failed} ${failed === 1 ? 'check' : 'checks'} failed.`;
}

/**
 * When a test ends with the focus still on its button (or nowhere), the results take it and scroll into view:
 * in a short window they start below the fold, and the next Tab should walk through them, not past them.
 */
function useResultsFocus(probing: boolean) {
  const results = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasProbing = useRef(probing);
  useEffect(() => {
    const ended = wasProbing.current && !probing;
    wasProbing.current = probing;
    const target = results.current;
    if (!ended || !target) return;
    if (document.activeElement !== button.current && !focusIsLost()) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView?.({ block: 'start' });
  }, [probing]);
  return { results, button };
}

/** "Test connection", its checklist, and the certificate choices it leads to. */
export function ConnectionTestSection({ probe, onTest, pinnedSha256, forgetPin, onForgetPin }: ConnectionTestSectionProps) {
  const { report, trustSha256, probeError } = probe;
  const certificate = report?.certificate;
  const { results, button } = useResultsFocus(probe.probing);
  return (
    <>
      <div className="probe-row">
        <Button onClick={onTest} busy={probe.probing} ref={button}>
          Test connection
        </Button>
        {probe.probing && <span className="muted">Asking the server…</span>}
      </div>
      {(report || probeError) && (
        <section className="probe-results" aria-label="Connection test results" tabIndex={-1} ref={results}>
          {report && (
            <p className="probe-summary" role="status">
              {probeSummary(report)}
            </p>
          )}
          <ErrorAlert error={probeError} title="The connection test could not run." />
          {report && <ProbeChecklist report={report} recheck={probe.recheck} />}
          {certificate && (
            <TrustCertificate
              certificate={certificate}
              trusted={trustSha256 === certificate.sha256}
              onTrusted={(trusted) => probe.setTrustSha256(trusted ? certificate.sha256 : null)}
            />
          )}
        </section>
      )}
      {pinnedSha256 && <PinnedCertificate sha256={pinnedSha256} forget={forgetPin} onForget={onForgetPin} />}
    </>
  );
}
