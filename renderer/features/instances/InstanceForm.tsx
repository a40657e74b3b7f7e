import { type FormEvent, useState } from 'react';
import type { Instance, NewInstance, ProbeReport } from '../../../shared/ipc/contract.ts';
import { type DeskError, toDeskError } from '../../desk.ts';
import { useDeskState } from '../../state/context.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { ProbeChecklist } from '../diagnostics/ProbeChecklist.tsx';
import { PinnedCertificate, TrustCertificate } from './CertificateTrust.tsx';
import {
  type InstanceFormErrors,
  type InstanceFormValues,
  colorPattern,
  needsInsecureConsent,
  parseInstanceUrl,
  validateInstanceForm,
} from './instanceForm.ts';
import { presetColors, tagLabels, tags } from './tags.ts';

export interface InstanceFormProps {
  /** Leave out to add a new instance. */
  instance?: Instance;
  onSaved: (instance: Instance) => void;
  onCancel: () => void;
}

function initialValues(instance: Instance | undefined): InstanceFormValues {
  return {
    name: instance?.name ?? '',
    url: instance?.url ?? '',
    apiKey: '',
    removeApiKey: false,
    tag: instance?.tag ?? 'dev',
    color: instance?.color ?? presetColors[0]?.value ?? '#1e66f5',
    favorite: instance?.favorite ?? false,
    allowInsecureHttp: instance?.allowInsecureHttp ?? false,
  };
}

function sameOrigin(typed: string, saved: string): boolean {
  const url = parseInstanceUrl(typed);
  return url !== null && url.origin === new URL(saved).origin;
}

const tagOptions = tags.map((tag) => ({ value: tag, label: tagLabels[tag] }));

export function InstanceForm({ instance, onSaved, onCancel }: InstanceFormProps) {
  const state = useDeskState();
  const [values, setValues] = useState(() => initialValues(instance));
  const [errors, setErrors] = useState<InstanceFormErrors>({});
  const [saveError, setSaveError] = useState<DeskError | null>(null);
  const [saving, setSaving] = useState(false);
  const [probing, setProbing] = useState(false);
  const [report, setReport] = useState<ProbeReport | null>(null);
  const [probeError, setProbeError] = useState<DeskError | null>(null);
  /** The fingerprint the user chose to trust from the last connection test, if any. */
  const [trustSha256, setTrustSha256] = useState<string | null>(null);
  const [forgetPin, setForgetPin] = useState(false);
  const insecure = needsInsecureConsent(values.url);
  // The registry drops a pin when the instance moves to another origin; the form follows suit.
  const keptPin =
    instance?.trustedCertificateSha256 !== undefined && !forgetPin && sameOrigin(values.url, instance.url)
      ? instance.trustedCertificateSha256
      : undefined;

  function set<K extends keyof InstanceFormValues>(key: K, value: InstanceFormValues[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
    if (key in errors) setErrors((previous) => ({ ...previous, [key]: undefined }));
    // A certificate was trusted for the address it was seen on.
    if (key === 'url') setTrustSha256(null);
  }

  async function testConnection() {
    const urlError = validateInstanceForm(values).url;
    if (urlError) {
      setErrors((previous) => ({ ...previous, url: urlError }));
      return;
    }
    setProbing(true);
    setProbeError(null);
    setReport(null);
    try {
      const apiKey = values.apiKey.trim();
      const pin = trustSha256 ?? keptPin;
      const result = await state.client.call('instances.probe', {
        url: values.url.trim(),
        ...(apiKey ? { apiKey } : {}),
        ...(pin ? { trustedCertificateSha256: pin } : {}),
      });
      setReport(result);
    } catch (error) {
      setProbeError(toDeskError(error));
    } finally {
      setProbing(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateInstanceForm(values);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setSaving(true);
    setSaveError(null);
    const apiKey = values.apiKey.trim();
    const common = {
      name: values.name.trim(),
      url: values.url.trim(),
      tag: values.tag,
      color: values.color.trim(),
      favorite: values.favorite,
      allowInsecureHttp: insecure && values.allowInsecureHttp,
    };
    try {
      let saved: Instance;
      if (instance) {
        const patch = {
          ...common,
          ...(apiKey ? { apiKey } : values.removeApiKey ? { apiKey: null } : {}),
          ...(trustSha256 ? { trustedCertificateSha256: trustSha256 } : forgetPin ? { trustedCertificateSha256: null } : {}),
        };
        saved = await state.client.call('instances.update', { id: instance.id, patch });
      } else {
        const input: NewInstance = {
          ...common,
          ...(apiKey ? { apiKey } : {}),
          ...(trustSha256 ? { trustedCertificateSha256: trustSha256 } : {}),
        };
        saved = await state.client.call('instances.add', input);
      }
      if (report && report.url === saved.url) state.rememberProbe(saved.url, report);
      onSaved(saved);
    } catch (error) {
      setSaveError(toDeskError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="instance-form" onSubmit={submit} noValidate aria-label={instance ? 'Edit instance' : 'Add instance'}>
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
      {insecure && (
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
      <div className="field-row">
        <SelectField
          label="Tag"
          value={values.tag}
          options={tagOptions}
          onValue={(value) => set('tag', tags.find((tag) => tag === value) ?? 'other')}
          hint={values.tag === 'prod' ? 'Production: every write asks for confirmation.' : undefined}
        />
        <TextField
          label="Color"
          value={values.color}
          onValue={(value) => set('color', value)}
          error={errors.color}
          placeholder="#1e66f5"
          spellCheck={false}
          autoComplete="off"
          className="field-color"
        />
        <span
          className="swatch swatch-large"
          aria-hidden="true"
          style={{ background: colorPattern.test(values.color.trim()) ? values.color.trim() : 'transparent' }}
        />
      </div>
      <fieldset className="presets">
        <legend>Preset colours</legend>
        {presetColors.map((preset) => (
          <button
            key={preset.value}
            type="button"
            className="swatch-button"
            aria-label={`Preset ${preset.name}`}
            aria-pressed={values.color.toLowerCase() === preset.value}
            style={{ background: preset.value }}
            onClick={() => set('color', preset.value)}
          />
        ))}
      </fieldset>
      <CheckboxField label="Favourite" checked={values.favorite} onChecked={(checked) => set('favorite', checked)} />

      <div className="probe-row">
        <Button onClick={testConnection} busy={probing}>
          Test connection
        </Button>
        {probing && <span className="muted">Asking the server…</span>}
      </div>
      <ErrorAlert error={probeError} title="The connection test could not run." />
      {report && <ProbeChecklist report={report} />}
      {report?.certificate && (
        <TrustCertificate
          certificate={report.certificate}
          trusted={trustSha256 === report.certificate.sha256}
          onTrusted={(trusted) => setTrustSha256(trusted && report.certificate ? report.certificate.sha256 : null)}
        />
      )}
      {instance?.trustedCertificateSha256 && (
        <PinnedCertificate sha256={instance.trustedCertificateSha256} forget={forgetPin} onForget={setForgetPin} />
      )}

      <ErrorAlert error={saveError} title="Could not save the instance." />
      <div className="modal-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={saving}>
          {instance ? 'Save changes' : 'Save instance'}
        </Button>
      </div>
    </form>
  );
}
