/** The "Test connection" checklist rows, in the order the UI shows them. */
import type { DfEnvironment } from '../../../../shared/df/index.ts';
import type { ProbeCheck, ProbeCheckId } from '../../../../shared/ipc/contract.ts';

export const checkLabels: Readonly<Record<ProbeCheckId, string>> = {
  reachable: 'Server reachable',
  dreamfactory: 'DreamFactory API',
  'api-key': 'API key accepted',
  version: 'DreamFactory version',
  'forever-sessions': 'Remember me (forever sessions)',
  'login-attribute': 'Sign-in attribute',
};

export const checkOrder: readonly ProbeCheckId[] = [
  'reachable',
  'dreamfactory',
  'api-key',
  'version',
  'forever-sessions',
  'login-attribute',
];

export const foreverSessionsStep =
  "Set DF_ALLOW_FOREVER_SESSIONS=true in DreamFactory's .env, run php artisan config:clear && php artisan cache:clear, and restart the web server.";

export function check(id: ProbeCheckId, ok: boolean | null, detail: string, nextStep?: string): ProbeCheck {
  const row: ProbeCheck = { id, ok, label: checkLabels[id], detail };
  if (nextStep !== undefined) row.nextStep = nextStep;
  return row;
}

export function notChecked(id: ProbeCheckId, because: string): ProbeCheck {
  return check(id, null, `Not checked: ${because}`);
}

export function versionCheck(env: DfEnvironment): ProbeCheck {
  if (env.version !== undefined) return check('version', true, `DreamFactory ${env.version}.`);
  return check(
    'version',
    null,
    'DreamFactory shows its version only to signed-in users or to API keys whose app has a role.',
  );
}

export function foreverCheck(env: DfEnvironment): ProbeCheck {
  if (env.allowForeverSessions) {
    return check('forever-sessions', true, 'On: "Remember me" keeps you signed in; each refresh renews the session.');
  }
  return check(
    'forever-sessions',
    false,
    'Off: DreamFactory ignores "Remember me", so a session ends when its refresh window closes (14 days after sign-in by default).',
    foreverSessionsStep,
  );
}

export function loginAttributeCheck(env: DfEnvironment): ProbeCheck {
  return check(
    'login-attribute',
    true,
    env.loginAttribute === 'username' ? 'Users sign in with their username.' : 'Users sign in with their email address.',
  );
}

export function authMethodLabels(env: DfEnvironment): string[] {
  const methods: string[] = [];
  if (env.authMethods.user) methods.push('User sign-in');
  if (env.authMethods.admin) methods.push('Admin sign-in');
  for (const service of env.authMethods.oauth) methods.push(`OAuth: ${service.label}`);
  for (const service of env.authMethods.ldap) methods.push(`LDAP: ${service.label}`);
  for (const service of env.authMethods.saml) methods.push(`SAML: ${service.label}`);
  if (env.authMethods.openRegistration) methods.push('Open registration');
  return methods;
}
