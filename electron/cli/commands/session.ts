/** `dfdesk login`, `dfdesk logout` and `dfdesk status`: the session of one instance (or of all, for status). */
import type { Command } from 'commander';
import { relativeText } from '../../../shared/doctor/duration.ts';
import type { Instance, SessionStatus, SignInInput } from '../../../shared/ipc/contract.ts';
import type { CliContext } from '../context.ts';
import { usageError } from '../exit-codes.ts';
import { sessionProblems, sessionSummary } from '../format.ts';
import { resolveInstance } from '../instance-ref.ts';
import { promptSecret, readSecretFromStdin } from '../secret-input.ts';

interface LoginOptions {
  email?: string;
  username?: string;
  admin?: boolean;
  passwordStdin?: boolean;
}

function loginOf(options: LoginOptions): Pick<SignInInput, 'email' | 'username'> {
  if (options.email !== undefined && options.username !== undefined) throw usageError('Give --email or --username, not both.');
  if (options.email !== undefined) return { email: options.email };
  if (options.username !== undefined) return { username: options.username };
  throw usageError('Give --email E or --username U (the one the server signs in with).');
}

async function login(ctx: CliContext, ref: string, options: LoginOptions): Promise<void> {
  const who = loginOf(options);
  const { api } = await ctx.desk();
  const instance = await resolveInstance(api, ref);
  const password =
    options.passwordStdin === true
      ? await readSecretFromStdin(ctx.io.stdin, 'password')
      : await promptSecret(`Password for ${who.email ?? who.username} on ${instance.name}`, ctx.io.stdin, ctx.io.stderr, '--password-stdin');
  // Remember me is always on: a forever session is what DF Desk is for.
  const credentials: SignInInput = { ...who, password, rememberMe: true, admin: options.admin === true };
  const status = await ctx.spinner.run('Signing in…', () => api.session.signIn(instance.id, credentials));
  const { out } = ctx;
  if (out.json) {
    out.data(status);
    return;
  }
  out.line(`${out.color.bold(instance.name)}: ${sessionSummary(out, status, Date.now())}`);
  if (!status.forever) out.warn(`The server did not give a forever token. See why: dfdesk check ${JSON.stringify(instance.name)}`);
}

async function logout(ctx: CliContext, ref: string): Promise<void> {
  const { api } = await ctx.desk();
  const instance = await resolveInstance(api, ref);
  const status = await ctx.spinner.run('Signing out…', () => api.session.signOut(instance.id));
  if (ctx.out.json) ctx.out.data(status);
  else ctx.out.line(`Signed out of ${ctx.out.color.bold(instance.name)}.`);
}

function statusLines(ctx: CliContext, instance: Instance, status: SessionStatus, now: number): string[] {
  const { out } = ctx;
  const lines = [`${out.color.bold(instance.name)}: ${sessionSummary(out, status, now)}`];
  const detail = (label: string, value: string) => lines.push(`  ${out.color.dim(label.padEnd(15))} ${value}`);
  if (status.refreshWindowEndsAt !== undefined && !status.forever) {
    detail('refresh window', `ends ${relativeText(status.refreshWindowEndsAt, now)} (estimate)`);
  }
  if (status.lastRefreshAt !== undefined) detail('last refresh', relativeText(status.lastRefreshAt, now));
  if (status.state !== 'signed-out') detail('refreshes', String(status.refreshCount));
  for (const problem of sessionProblems(out, status, now)) lines.push(`  ${problem}`);
  return lines;
}

async function status(ctx: CliContext, ref: string | undefined): Promise<void> {
  const { api } = await ctx.desk();
  const instances = ref === undefined ? await api.instances.list() : [await resolveInstance(api, ref)];
  const statuses = await ctx.spinner.run('Reading the sessions…', () =>
    Promise.all(instances.map((instance) => api.session.status(instance.id))),
  );
  const { out } = ctx;
  if (out.json) {
    out.data(ref === undefined ? statuses : statuses[0]);
    return;
  }
  if (instances.length === 0) out.line('No instances yet. Add one: dfdesk add NAME URL');
  const now = Date.now();
  instances.forEach((instance, i) => {
    for (const line of statusLines(ctx, instance, statuses[i] as SessionStatus, now)) out.line(line);
  });
}

export function registerSessionCommands(program: Command, ctx: CliContext): void {
  program
    .command('login')
    .description('sign in with Remember me (the password from a prompt or stdin, never from the command line)')
    .argument('<instance>', 'the instance’s name or id')
    .option('--email <email>', 'sign in with this email')
    .option('--username <username>', 'sign in with this username')
    .option('--admin', 'sign in as a system admin (/system/admin/session)')
    .option('--password-stdin', 'read the password from stdin instead of asking')
    .action((ref: string, options: LoginOptions) => login(ctx, ref, options));
  program
    .command('logout')
    .description('sign out (ends the session on the server and removes its token from the keychain)')
    .argument('<instance>', 'the instance’s name or id')
    .action((ref: string) => logout(ctx, ref));
  program
    .command('status')
    .description('the session of one instance, or of every instance')
    .argument('[instance]', 'the instance’s name or id')
    .action((ref: string | undefined) => status(ctx, ref));
}
