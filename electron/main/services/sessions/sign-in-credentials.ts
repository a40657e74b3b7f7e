// What the renderer sends to sign in, checked, and turned into the session library's credentials.
import type { DfCredentials } from '../../../../shared/df/index.ts';
import type { SignInInput } from '../../../../shared/ipc/contract.ts';
import { signInSchema } from '../../../../shared/ipc/contract.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import type { SessionLogin } from './instance-session.ts';

export function parseCredentials(input: SignInInput): SignInInput {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    throw new DeskError('invalid-input', parsed.error.issues[0]?.message ?? 'The sign-in details are not valid.');
  }
  return parsed.data;
}

/** Remember me is on unless the user turned it off: it is what makes a DF session outlive its token. */
export function dfCredentials(input: SignInInput): DfCredentials {
  const credentials: DfCredentials = { password: input.password, rememberMe: input.rememberMe ?? true };
  if (input.email !== undefined) credentials.email = input.email;
  if (input.username !== undefined) credentials.username = input.username;
  return credentials;
}

/** The keychain entry and the audience of a sign-in: `<instance>/<login>`, user or admin. */
export function loginOf(input: SignInInput): SessionLogin {
  return { login: (input.email ?? input.username ?? '').trim(), admin: input.admin === true };
}
