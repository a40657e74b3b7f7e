import { useState } from 'react';
import type { Instance, ProbeReport } from '../../../shared/ipc/contract.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { useDeskState } from '../../state/context.ts';
import { uiError } from '../../uiError.ts';
import { type CertificateChoice, type InstanceFormValues, instancePatch, newInstanceInput } from './instanceForm.ts';

export interface SaveInstanceState {
  saving: boolean;
  saveError: DeskError | null;
  /** Adds or updates the instance; `report` is the last connection test, kept for the sign-in form. */
  save(values: InstanceFormValues, choice: CertificateChoice, report: ProbeReport | null): Promise<void>;
}

/** Saves the form through the main process; `instance` is the one being edited, undefined when adding. */
export function useSaveInstance(instance: Instance | undefined, onSaved: (instance: Instance) => void): SaveInstanceState {
  const state = useDeskState();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<DeskError | null>(null);

  async function save(values: InstanceFormValues, choice: CertificateChoice, report: ProbeReport | null) {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = instance
        ? await state.client.call('instances.update', { id: instance.id, patch: instancePatch(values, choice) })
        : await state.client.call('instances.add', newInstanceInput(values, choice));
      if (report && report.url === saved.url) state.rememberProbe(saved.url, report);
      onSaved(saved);
    } catch (error) {
      setSaveError(uiError(error));
    } finally {
      setSaving(false);
    }
  }

  return { saving, saveError, save };
}
