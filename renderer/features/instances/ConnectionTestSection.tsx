import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
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

/** "Test connection", its checklist, and the certificate choices it leads to. */
export function ConnectionTestSection({ probe, onTest, pinnedSha256, forgetPin, onForgetPin }: ConnectionTestSectionProps) {
  const { report, trustSha256 } = probe;
  const certificate = report?.certificate;
  return (
    <>
      <div className="probe-row">
        <Button onClick={onTest} busy={probe.probing}>
          Test connection
        </Button>
        {probe.probing && <span className="muted">Asking the server…</span>}
      </div>
      <ErrorAlert error={probe.probeError} title="The connection test could not run." />
      {report && <ProbeChecklist report={report} />}
      {certificate && (
        <TrustCertificate
          certificate={certificate}
          trusted={trustSha256 === certificate.sha256}
          onTrusted={(trusted) => probe.setTrustSha256(trusted ? certificate.sha256 : null)}
        />
      )}
      {pinnedSha256 && <PinnedCertificate sha256={pinnedSha256} forget={forgetPin} onForget={onForgetPin} />}
    </>
  );
}
