import type { Instance } from '../../../shared/ipc/contract.ts';
import { CheckboxField, TextField } from '../../ui/Field.tsx';
import { type InstanceFormErrors, type InstanceFormValues, needsInsecureConsent, type SetInstanceField } from './instanceForm.ts';

export interface InstanceAddressFieldsProps {
  values: InstanceFormValues;
  errors: InstanceFormErrors;
  set: SetInstanceField;
  /** The instance being edited; undefined when adding. */
  instance: Instance | undefined;
}

/** Name, URL (with the plain-HTTP consent it may need) and API key. */
export function InstanceAddressFields({ values, errors, set, instance }: InstanceAddressFieldsProps) {
  return (
    <>
      <TextField
        label="Name"
        value={values.name}
        onValue={(value) => set('name', value)}
        error={errors.name}
        placeholder="Staging EU"
        data-autofocus
        autoComplete="off"
      />
      <TextField
        label="URL"
        value={values.url}
        onValue={(value) => set('url', value)}
        error={errors.url}
        placeholder="https://df.example.com"
        hint="The instance root, without /api/v2."
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
      />
      {needsInsecureConsent(values.url) && (
        <div className="alert alert-warn" role="status">
          <strong>Plain HTTP to another machine.</strong> Your API key, password and session token would cross the
          network unencrypted. Prefer https://.
          <CheckboxField
            label="Allow plain HTTP to this host (not encrypted)"
            checked={values.allowInsecureHttp}
            onChecked={(checked) => set('allowInsecureHttp', checked)}
          />
          {errors.allowInsecureHttp && <div className="field-error">{errors.allowInsecureHttp}</div>}
        </div>
      )}
      <TextField
        label="API key"
        type="password"
        value={values.apiKey}
        onValue={(value) => set('apiKey', value)}
        error={errors.apiKey}
        placeholder={instance?.hasApiKey ? 'Stored. Leave blank to keep it.' : 'From Apps in the DF admin console'}
        hint="Kept in the system keychain, never shown again."
        autoComplete="off"
        spellCheck={false}
      />
      {instance?.hasApiKey && (
        <CheckboxField
          label="Forget the stored key"
          checked={values.removeApiKey}
          disabled={values.apiKey.trim() !== ''}
          onChecked={(checked) => set('removeApiKey', checked)}
        />
      )}
    </>
  );
}
