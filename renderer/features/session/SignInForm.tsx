import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Instance, ProbeReport, SessionStatus, SignInInput } from '../../../shared/ipc/contract.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';
import { useDeskState } from '../../state/context.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CheckboxField, TextField } from '../../ui/Field.tsx';
import { useFocusFirstInvalid } from '../../ui/focus.ts';
import { ForeverSessionsHelp } from './ForeverSessionsHelp.tsx';
import { rememberLogin, suggestedLogin } from './lastLogin.ts';

export interface SignInFormProps {
  instance: Instance;
  /** The instance's session: a session that needs a new sign-in names its user, whose login is filled in. */
  status?: SessionStatus | undefined;
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

/** How the server signs in (login attribute, forever sessions): asked once per URL through DeskState. */
function useSignInProbe(url: string): ProbeState {
  const state = useDeskState();
  const [probe, setProbe] = useState<ProbeState>({ phase: 'pending' });
  useEffect(() => {
    let live = true;
    setProbe({ phase: 'pending' });
    state.probe(url).then(
      (report) => live && setProbe({ phase: 'done', report }),
      () => live && setProbe({ phase: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [state, url]);
  return probe;
}

function AudienceChoice({ admin, onAdmin }: { admin: boolean; onAdmin: (admin: boolean) => void }) {
  // Unique per form: the inline form and the dialog may both be mounted for one instance.
  const audience = useId();
  return (
    <fieldset className="radio-group">
      <legend>Sign in as</legend>
      <label>
        <input type="radio" name={audience} checked={!admin} onChange={() => onAdmin(false)} /> Regular user
      </label>
      <label>
        <input type="radio" name={audience} checked={admin} onChange={() => onAdmin(true)} /> System admin
      </label>
    </fieldset>
  );
}

export function SignInForm({ instance, status, onSignedIn, onCancel, cancelLabel = 'Cancel' }: SignInFormProps) {
  const state = useDeskState();
  const probe = useSignInProbe(instance.url);
  const report = probe.phase === 'done' ? probe.report : undefined;
  // DF signs in by email unless DF_LOGIN_ATTRIBUTE=username (DF 2.6+); the environment call tells us which.
  const attribute = report?.loginAttribute === 'username' ? 'username' : 'email';
  const suggested = suggestedLogin(state.views, instance.id, status, attribute);
  // Null until the user changes it: the suggestion (last login, admin or not) follows the probe's attribute.
  const [typedIdentifier, setIdentifier] = useState<string | null>(null);
  const [chosenAdmin, setAdmin] = useState<boolean | null>(null);
  const identifier = typedIdentifier ?? suggested.login;
  const admin = chosenAdmin ?? suggested.admin;
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(true);
  const [errors, setErrors] = useState<{ identifier?: string; password?: string }>({});
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);
  const { ref, focusInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  // The login is filled in already: the dialog (and the shell after adding an instance) start at the password.
  const startAtPassword = suggested.login !== '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!identifier.trim()) found.identifier = `Enter your ${attribute}.`;
    if (!password) found.password = 'Enter the password.';
    setErrors(found);
    if (found.identifier || found.password) return focusInvalid();
    setBusy(true);
    setFailure(null);
    const credentials: SignInInput = { [attribute]: identifier.trim(), password, rememberMe, admin };
    try {
      const signedIn = await state.client.call('session.signIn', { id: instance.id, credentials });
      rememberLogin(state.views, instance.id, { login: identifier.trim(), admin });
      state.signedIn(signedIn);
      setPassword('');
      onSignedIn?.(signedIn);
    } catch (error) {
      setFailure(uiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in" onSubmit={submit} noValidate aria-label={`Sign in to ${instance.name}`} ref={ref}>
      <TextField
        label={attribute === 'username' ? 'Username' : 'Email'}
        value={identifier}
        onValue={(value) => {
          setIdentifier(value);
          setErrors((previous) => ({ ...previous, identifier: undefined }));
        }}
        error={errors.identifier}
        autoComplete="username"
        inputMode={attribute === 'email' ? 'email' : 'text'}
        spellCheck={false}
        data-autofocus={startAtPassword ? undefined : true}
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
        data-autofocus={startAtPassword ? true : undefined}
      />
      <CheckboxField
        label="Remember me"
        checked={rememberMe}
        onChecked={setRememberMe}
        hint={
          report?.allowForeverSessions === false ? (
            <details>
              <summary>This server ignores Remember me (forever sessions are off).</summary>
              <ForeverSessionsHelp />
            </details>
          ) : (
            'Keeps the session alive across restarts; DF Desk refreshes the token for you.'
          )
        }
      />
      <AudienceChoice admin={admin} onAdmin={setAdmin} />
      <ErrorAlert error={failure} title={failure ? failureTitle(failure, attribute) : undefined} />
      <FormActions onCancel={onCancel} cancelLabel={cancelLabel} busy={busy} submitLabel="Sign in" />
    </form>
  );
}
