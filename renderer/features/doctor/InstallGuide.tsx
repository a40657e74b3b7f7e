import type { CommandStep, InstallKind } from '../../../shared/doctor/install-steps.ts';
import { installKinds, installSteps } from '../../../shared/doctor/install-steps.ts';
import { Button } from '../../ui/Button.tsx';
import { CopyableCode } from '../../ui/CopyableCode.tsx';
import { SelectField } from '../../ui/Field.tsx';

const kindOptions = installKinds.map((kind) => ({ value: kind, label: installSteps(kind).label }));

function Commands({ steps }: { steps: CommandStep[] }) {
  return (
    <ul className="install-commands">
      {steps.map((step) => (
        <li key={step.command}>
          {step.label}
          {step.where && <span className="muted"> ({step.where})</span>}:
          <CopyableCode text={step.command} what={step.label.toLowerCase()} />
        </li>
      ))}
    </ul>
  );
}

export interface InstallGuideProps {
  kind: InstallKind;
  onKind: (kind: InstallKind) => void;
  /** "I've made the change — check again". */
  onDone: () => void;
  checking: boolean;
}

/** The steps that turn forever sessions on, for the kind of install the user picks. */
export function InstallGuide({ kind, onKind, onDone, checking }: InstallGuideProps) {
  const steps = installSteps(kind);
  return (
    <section className="install-guide" aria-label="Turn on forever sessions">
      <h3>Turn on forever sessions</h3>
      <p>On the DreamFactory server (you need to be its administrator):</p>
      <SelectField
        label="How is this DreamFactory installed?"
        value={kind}
        options={kindOptions}
        onValue={(value) => onKind(installKinds.find((known) => known === value) ?? 'unknown')}
      />
      <ol className="install-steps" data-install={steps.kind}>
        <li>
          <strong>Find the settings file.</strong> {steps.envLocation}
          {steps.findEnv && <Commands steps={[steps.findEnv]} />}
        </li>
        <li>
          <strong>Add this line to {steps.setting.file}</strong>, exactly as written (upper case):
          <CopyableCode text={steps.setting.line} what="the setting" />
          <p className="muted">{steps.setting.note}</p>
        </li>
        <li>
          <strong>Clear DreamFactory’s cached configuration:</strong>
          <Commands steps={steps.cacheClear} />
        </li>
        <li>
          <strong>Restart:</strong>
          <Commands steps={steps.restart} />
        </li>
        <li>
          <strong>Check again</strong> here, then sign in again with Remember me.
          <div className="form-actions">
            <Button variant="primary" onClick={onDone} busy={checking}>
              I’ve made the change — check again
            </Button>
          </div>
        </li>
      </ol>
      <details className="help-details">
        <summary>Still off on an early DreamFactory 2.0 build?</summary>
        <p>{steps.oldBuildConfig.note}</p>
        <p>
          In <code>{steps.oldBuildConfig.file}</code>:
        </p>
        <CopyableCode text={steps.oldBuildConfig.line} what="the config/df.php line" />
      </details>
      <details className="help-details">
        <summary>Where these steps come from</summary>
        <ul>
          {steps.sources.map((source) => (
            <li key={source.url}>
              <a href={source.url}>{source.title}</a> — {source.used}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
