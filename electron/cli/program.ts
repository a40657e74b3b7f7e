/**
 * The `dfdesk` commands (commander). Errors never exit the process from in here: commander's own (unknown
 * option, missing argument, --help) come back as CommanderError through exitOverride, and cli-run.ts turns
 * every outcome into one exit code.
 */
import { Command } from 'commander';
import { registerCheckCommand } from './commands/check.ts';
import { registerInstanceCommands } from './commands/instances.ts';
import { registerRequestCommands } from './commands/request.ts';
import { registerSessionCommands } from './commands/session.ts';
import { registerTokenCommand } from './commands/token.ts';
import type { CliContext } from './context.ts';
import { DATA_DIR_VARIABLE } from './data-dir.ts';
import { exitCodesHelp } from './exit-codes.ts';

const EXAMPLES = `
Examples:
  dfdesk add Dev https://df.example.com --tag dev --api-key-stdin < key.txt
  dfdesk login Dev --email jane@example.com
  dfdesk get Dev /db/_table/contacts --param limit=5 | jq '.resource[].email'
  dfdesk post Prod /db/_table/contacts --data @row.json --yes
  curl -H "X-DreamFactory-Session-Token: $(dfdesk token Dev)" https://df.example.com/api/v2/user/profile
  dfdesk check https://df.example.com --install docker

Output: pretty on a terminal, JSON when piped or with --json. Secrets (passwords, API keys)
are read from stdin or a prompt, never from flags.`;

export function buildProgram(ctx: CliContext): Command {
  const { io } = ctx;
  const program = new Command('dfdesk')
    .description('DF Desk on the command line: your DreamFactory instances and their forever sessions, with the app’s data and keychain.')
    .version(ctx.host.version, '-V, --version')
    .option('--json', 'print JSON (the default when stdout is not a terminal)')
    .option('--data-dir <dir>', `the data folder (default: the app’s own, or $${DATA_DIR_VARIABLE})`)
    .addHelpText('after', `${EXAMPLES}\n${exitCodesHelp}`)
    .showHelpAfterError('(dfdesk --help lists the commands)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    // Subcommands copy these settings when they are created, so this comes first.
    .exitOverride();
  registerInstanceCommands(program, ctx);
  registerSessionCommands(program, ctx);
  registerRequestCommands(program, ctx);
  registerTokenCommand(program, ctx);
  registerCheckCommand(program, ctx);
  return program;
}
