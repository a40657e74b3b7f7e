import { type FormEvent, useState } from 'react';
import type { Instance } from '../../../shared/ipc/contract.ts';
import { useConfirm } from '../../ui/confirm.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFocusFirstInvalid } from '../../ui/focus.ts';
import { ConnectionTestSection } from './ConnectionTestSection.tsx';
import { failedConnectionChecks, saveDespiteFailureDialog } from './connectionWarning.tsx';
import { InstanceAddressFields } from './InstanceAddressFields.tsx';
import { InstanceLookFields } from './InstanceLookFields.tsx';
import {
  type InstanceFormErrors,
  initialValues,
  keptPin,
  type SetInstanceField,
  validateInstanceForm,
} from './instanceForm.ts';
import { useConnectionTest } from './useConnectionTest.ts';
import { useSaveInstance } from './useSaveInstance.ts';
import { trimSpaces } from '../../../shared/ipc/api-key-input.ts';

export interface InstanceFormProps {
  /** Leave out to add a new instance. */
  instance?: Instance;
  onSaved: (instance: Instance) => void;
  onCancel: () => void;
}

export function InstanceForm({ instance, onSaved, onCancel }: InstanceFormProps) {
  const [values, setValues] = useState(() => initialValues(instance));
  const [errors, setErrors] = useState<InstanceFormErrors>({});
  const [forgetPin, setForgetPin] = useState(false);
  const probe = useConnectionTest();
  const { saving, saveError, save } = useSaveInstance(instance, onSaved);
  const confirm = useConfirm();
  const { ref, focusInvalid } = useFocusFirstInvalid<HTMLFormElement>();

  const set: SetInstanceField = (key, value) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    if (key in errors) setErrors((previous) => ({ ...previous, [key]: undefined }));
    // A certificate was trusted for the address it was seen on.
    if (key === 'url') probe.setTrustSha256(null);
  };

  function testConnection() {
    const urlError = validateInstanceForm(values).url;
    if (urlError) {
      setErrors((previous) => ({ ...previous, url: urlError }));
      return focusInvalid();
    }
    const pin = probe.trustSha256 ?? keptPin(instance, forgetPin, values.url);
    void probe.test(values.url.trim(), trimSpaces(values.apiKey), pin);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateInstanceForm(values);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return focusInvalid();
    // A failed test of these very values is worth a second thought, but the user may know better (DF is down now).
    const failed = failedConnectionChecks(probe, values);
    if (failed.length > 0 && !(await confirm(saveDespiteFailureDialog(failed, instance !== undefined)))) return;
    await save(values, { trustSha256: probe.trustSha256, forgetPin }, probe.report);
  }

  return (
    <form
      className="instance-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={instance ? 'Edit instance' : 'Add instance'}
      ref={ref}
    >
      {/* The common path first: address and key, then the test of exactly those; the look can wait. */}
      <InstanceAddressFields values={values} errors={errors} set={set} instance={instance} />
      <ConnectionTestSection
        probe={probe}
        onTest={testConnection}
        pinnedSha256={instance?.trustedCertificateSha256}
        forgetPin={forgetPin}
        onForgetPin={setForgetPin}
      />
      <InstanceLookFields values={values} errors={errors} set={set} />
      <ErrorAlert error={saveError} title="Could not save the instance." />
      <FormActions onCancel={onCancel} busy={saving} submitLabel={instance ? 'Save changes' : 'Save instance'} />
    </form>
  );
}
