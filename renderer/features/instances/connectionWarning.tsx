import type { ProbeCheckId } from '../../../shared/ipc/contract.ts';
import type { ConfirmOptions } from '../../ui/confirm.tsx';
import type { InstanceFormValues } from './instanceForm.ts';
import type { ConnectionTestState } from './useConnectionTest.ts';
import { trimSpaces } from '../../../shared/ipc/api-key-input.ts';

/** The checks that say the instance will not work as saved; "Remember me" being off is a setting, not a failure. */
const connectionChecks: ReadonlySet<ProbeCheckId> = new Set(['reachable', 'dreamfactory', 'api-key']);

export interface FailedCheck {
  label: string;
  detail: string;
}

/**
 * What failed in the last connection test, if it was run with the URL and key about to be saved; empty when it
 * passed, was never run, or the user has changed the URL or key since (then it no longer says anything).
 */
export function failedConnectionChecks(probe: ConnectionTestState, values: InstanceFormValues): FailedCheck[] {
  const { tested } = probe;
  if (!tested || probe.probing || tested.url !== values.url.trim() || tested.apiKey !== trimSpaces(values.apiKey)) return [];
  if (probe.probeError) return [{ label: 'The connection test could not run', detail: probe.probeError.message }];
  const certificate = probe.report?.certificate;
  // The test stopped at a certificate the user has now chosen to trust: that answers it.
  if (certificate && probe.trustSha256 === certificate.sha256) return [];
  return (probe.report?.checks ?? [])
    .filter((check) => check.ok === false && connectionChecks.has(check.id))
    .map((check) => ({ label: check.label, detail: check.detail }));
}

/** "Save anyway?" naming each failed check, in plain words. */
export function saveDespiteFailureDialog(failed: readonly FailedCheck[], editing: boolean): ConfirmOptions {
  return {
    title: 'Save despite the failed connection test?',
    message: (
      <>
        <p>The connection test failed:</p>
        <ul className="failed-checks">
          {failed.map((check) => (
            <li key={check.label}>
              <strong>{check.label}</strong> — {check.detail}
            </li>
          ))}
        </ul>
        <p>
          You can save {editing ? 'the changes' : 'the instance'} anyway and fix this later in Edit instance. Until
          then, signing in, the data browser and the API console will probably fail for this instance.
        </p>
      </>
    ),
    confirmLabel: 'Save anyway',
  };
}
