/**
 * One run of `dfdesk`: refuse secrets on the command line, parse, run the command, dispose the desk, and turn
 * the outcome into one exit code (exit-codes.ts). Messages go to stderr and never carry a secret.
 */
import { CommanderError } from 'commander';
import { redactText } from '../../shared/secrets.ts';
import { isDeskError } from '../../shared/ipc/desk-error.ts';
import { internalErrorMessage } from '../../shared/ipc/names.ts';
import type { CliHost, GlobalOptions } from './context.ts';
import { CliContext } from './context.ts';
import { CliError, exitCodeForKind, exitCodes } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { buildProgram } from './program.ts';
import { refusedSecretFlag } from './secret-input.ts';

const SIGN_IN_HINT = 'Sign in with: dfdesk login INSTANCE --email E (or --username U).';

function report(ctx: CliContext, error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help): asked-for help and --version are successes.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  if (error instanceof CliError) {
    ctx.out.error(error.message);
    return error.exitCode;
  }
  if (isDeskError(error)) {
    const code = exitCodeForKind(error.kind);
    ctx.out.error(redactText(error.message));
    if (code === exitCodes.signIn) ctx.out.note(SIGN_IN_HINT);
    return code;
  }
  const detail = error instanceof Error ? error.message : String(error);
  ctx.out.error(`${internalErrorMessage} (${redactText(detail)})`);
  return exitCodes.internal;
}

export async function runCli(argv: readonly string[], io: CliIo, host: CliHost): Promise<number> {
  let globals: () => GlobalOptions = () => ({});
  const ctx = new CliContext(io, host, () => globals());
  const refused = refusedSecretFlag(argv);
  if (refused !== null) return report(ctx, refused);
  const program = buildProgram(ctx);
  globals = () => program.opts<GlobalOptions>();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return report(ctx, error);
  } finally {
    await ctx.close();
  }
}
