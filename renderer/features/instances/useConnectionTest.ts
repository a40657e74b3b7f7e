import { useState } from 'react';
import type { ProbeReport } from '../../../shared/ipc/contract.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { useDeskState } from '../../state/context.ts';
import { uiError } from '../../uiError.ts';

/** What the last connection test was run with. */
export interface TestedValues {
  url: string;
  apiKey: string;
}

export interface ConnectionTestState {
  probing: boolean;
  /** The URL and key of the last test (whatever its outcome); null before the first one. */
  tested: TestedValues | null;
  report: ProbeReport | null;
  probeError: DeskError | null;
  /** The fingerprint the user chose to trust from the last test, if any. */
  trustSha256: string | null;
  setTrustSha256(sha256: string | null): void;
  /** Probes `url` as the instance would connect: with the typed key and the certificate it would pin. */
  test(url: string, apiKey: string, pin: string | undefined): Promise<void>;
}

/** The form's "Test connection": the server's answers, and the certificate the user may choose to trust. */
export function useConnectionTest(): ConnectionTestState {
  const state = useDeskState();
  const [probing, setProbing] = useState(false);
  const [report, setReport] = useState<ProbeReport | null>(null);
  const [probeError, setProbeError] = useState<DeskError | null>(null);
  const [trustSha256, setTrustSha256] = useState<string | null>(null);
  const [tested, setTested] = useState<TestedValues | null>(null);

  async function test(url: string, apiKey: string, pin: string | undefined) {
    setProbing(true);
    setTested({ url, apiKey });
    setProbeError(null);
    setReport(null);
    try {
      const result = await state.client.call('instances.probe', {
        url,
        ...(apiKey ? { apiKey } : {}),
        ...(pin ? { trustedCertificateSha256: pin } : {}),
      });
      setReport(result);
    } catch (error) {
      setProbeError(uiError(error));
    } finally {
      setProbing(false);
    }
  }

  return { probing, tested, report, probeError, trustSha256, setTrustSha256, test };
}
