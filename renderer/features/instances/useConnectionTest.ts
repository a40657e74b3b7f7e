import { useRef, useState } from 'react';
import type { ProbeInput, ProbeReport } from '../../../shared/ipc/contract.ts';
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
  /** The last test again, leaving the form's report alone (the forever-sessions doctor's "Check again"). */
  recheck(): Promise<ProbeReport>;
}

/** The form's "Test connection": the server's answers, and the certificate the user may choose to trust. */
export function useConnectionTest(): ConnectionTestState {
  const state = useDeskState();
  const [probing, setProbing] = useState(false);
  const [report, setReport] = useState<ProbeReport | null>(null);
  const [probeError, setProbeError] = useState<DeskError | null>(null);
  const [trustSha256, setTrustSha256] = useState<string | null>(null);
  const [tested, setTested] = useState<TestedValues | null>(null);
  const lastInput = useRef<ProbeInput | null>(null);

  async function test(url: string, apiKey: string, pin: string | undefined) {
    setProbing(true);
    setTested({ url, apiKey });
    setProbeError(null);
    setReport(null);
    try {
      const input: ProbeInput = { url, ...(apiKey ? { apiKey } : {}), ...(pin ? { trustedCertificateSha256: pin } : {}) };
      lastInput.current = input;
      const result = await state.client.call('instances.probe', input);
      setReport(result);
    } catch (error) {
      setProbeError(uiError(error));
    } finally {
      setProbing(false);
    }
  }

  function recheck(): Promise<ProbeReport> {
    const input = lastInput.current;
    if (input === null) return Promise.reject(new Error('Test the connection first.'));
    return state.client.call('instances.probe', input);
  }

  return { probing, tested, report, probeError, trustSha256, setTrustSha256, test, recheck };
}
