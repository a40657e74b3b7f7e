import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Instance, ProbeReport, SessionStatus, SignInInput } from '../../../shared/ipc/contract.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';
import { useDeskState } from '../../state/context.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CheckboxField, TextField } from '../../ui/Field.tsx';
import { ForeverSessionsHelp } from './ForeverSessionsHelp.tsx';

export interface SignInFormProps {
  instance: Instance;
  onSignedIn?: (status: SessionStatus) => void;
  /** In a dialog: a second button beside Sign in, and the buttons become the dialog's footer. */
  onCancel?: () => void;
  cancelLabel?: string;
}

type ProbeState = { phase: 'pending' } | { phase: 'done'; report: ProbeReport } | { phase: 'failed' };

function failureTitle(error: DeskError, attribute: string): string | undefined {
  if (error.kind === 'bad-credentials') return `Wrong ${attribute} or password.`;
  if (error.kind === 'network') return 'Server unreachable.';
  if (error.kind === 'not-dreamfactory') return 'This server is not DreamFactory.';
  return undefined;
}

export function SignInForm({ instance, onSignedIn, onCancel, cancelLabel = 'Cancel' }: SignInFormProps) {
  const state = useDeskState();
  // Unique per form: the inline form and the dialog may both be mounted for one instance.
  const audience = useId();
  const [probe, setProbe] = useState<ProbeState>({ phase: 'pending' });
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(true);
  const [admin, setAdmin] = useState(false);
  const [errors, setErrors] = useState<{ identifier?: string; password?: string }>({});
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setProbe({ phase: 'pending' });
    state.probe(instance.url).then(
      (report) => live && setProbe({ phase: 'done', report }),
      () => live && setProbe({ phase: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [state, instance.url]);

  const report = probe.phase === 'done' ? probe.report : undefined;
  // DF signs in by email unless DF_LOGIN_ATTRIBUTE=username (DF 2.6+); the environment call tells us which.
  const attribute = report?.loginAttribute === 'username' ? 'username' : 'email';
  const attributeLabel = attribute === 'username' ? 'Username' : 'Email';
  const foreverOff = report?.allowForeverSessions === false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!identifier.trim()) found.identifier = `Enter your ${attribute}.`;
    if (!password) found.password = 'Enter the password.';
    setErrors(found);
    if (found.identifier || found.password) return;
    setBusy(true);
    setFailure(null);
    const credentials: SignInInput = { [attribute]: identifier.trim(), password, rememberMe, admin };
    try {
      const status = await state.client.call('session.signIn', { id: instance.id, credentials });
      state.putStatus(status);
      setPassword('');
      onSignedIn?.(status);
    } catch (error) {
      setFailure(uiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in" onSubmit={submit} noValidate aria-label={`Sign in to ${instance.name}`}>
      <TextField
        label={attributeLabel}
        value={identifier}
        onValue={(value) => {
          setIdentifier(value);
          setErrors((previous) => ({ ...previous, identifier: undefined }));
        }}
        error={errors.identifier}
        autoComplete="username"
        inputMode={attribute === 'email' ? 'email' : 'text'}
        spellCheck={false}
        data-autofocus
        hint={probe.phase === 'pending' ? 'Checking how this server signs in…' : undefined}
      />
      <TextField
        label="Password"
        type="password"
        value={password}
        onValue={(value) => {
          setPassword(value);
          setErrors((previous) => ({ ...previous, password: undefined }));
        }}
        error={errors.password}
        autoComplete="current-password"
      />
      <CheckboxField
        label="Remember me"
        checked={rememberMe}
        onChecked={setRememberMe}
        hint={
          foreverOff ? (
            <details>
              <summary>This server ignores Remember me (forever sessions are off).</summary>
              <ForeverSessionsHelp />
            </details>
          ) : (
            'Keeps the session alive across restarts; DF Desk refreshes the token for you.'
          )
        }
      />
      <fieldset className="radio-group">
        <legend>Sign in as</legend>
        <label>
          <input type="radio" name={audience} checked={!admin} onChange={() => setAdmin(false)} />{' '}
          Regular user
        </label>
        <label>
          <input type="radio" name={audience} checked={admin} onChange={() => setAdmin(true)} />{' '}
          System admin
        </label>
      </fieldset>
      <ErrorAlert error={failure} title={failure ? failureTitle(failure, attribute) : undefined} />
      <FormActions onCancel={onCancel} cancelLabel={cancelLabel} busy={busy} submitLabel="Sign in" />
    </form>
  );
}
