/**
 * `dfdesk token INSTANCE`: a session token valid now (refreshed first when due), for a script's own call:
 * `curl -H "X-DreamFactory-Session-Token: $(dfdesk token dev)" …`. Piped, it prints the token and a line
 * break, nothing else. On a terminal it warns first, on stderr, that this is a secret.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { resolveInstance } from '../instance-ref.ts';

async function printToken(ctx: CliContext, ref: string): Promise<void> {
  const desk = await ctx.desk();
  const instance = await resolveInstance(desk.api, ref);
  const token = await ctx.spinner.run('Getting a valid token…', () => desk.cliTokens.currentToken(instance.id));
  const { out, io } = ctx;
  // Only an explicit --json wraps it: piped, the token alone is what `$(dfdesk token dev)` needs.
  if (ctx.jsonRequested) {
    out.data({ instanceId: instance.id, token });
    return;
  }
  if (io.stdout.isTTY === true) {
    out.warn('This is a secret: anyone with it acts as you on this instance until it expires. Do not paste it into chats, tickets or logs.');
  }
  io.stdout.write(`${token}\n`);
}

export function registerTokenCommand(program: Command, ctx: CliContext): void {
  program
    .command('token')
    .description('print a session token valid now (refreshed first if due); a secret, for your own scripts')
    .argument('<instance>', 'the instance’s name or id')
    .action((ref: string) => printToken(ctx, ref));
}
