/** `dfdesk instances` and `dfdesk add`. */
import type { Command } from 'commander';
import type { Instance, InstanceTag, NewInstance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { instanceTags } from '../../../shared/ipc/contract.ts';
import type { CliContext } from '../context.ts';
import { usageError } from '../exit-codes.ts';
import { columns, sessionSummary, tagText } from '../format.ts';
import { readSecretFromStdin } from '../secret-input.ts';

interface AddOptions {
  tag?: string;
  apiKeyStdin?: boolean;
  allowInsecureHttp?: boolean;
}

async function listInstances(ctx: CliContext): Promise<void> {
  const { api } = await ctx.desk();
  const instances = await api.instances.list();
  const sessions = await ctx.spinner.run('Reading the sessions…', () =>
    Promise.all(instances.map((instance) => api.session.status(instance.id))),
  );
  const { out } = ctx;
  if (out.json) {
    out.data(instances.map((instance, i) => ({ ...instance, session: sessions[i] })));
    return;
  }
  if (instances.length === 0) {
    out.line('No instances yet. Add one: dfdesk add NAME URL [--tag dev|staging|prod|other] [--api-key-stdin]');
    return;
  }
  const now = Date.now();
  const header = ['NAME', 'TAG', 'URL', 'SESSION'].map((title) => out.color.dim(title));
  const rows = instances.map((instance, i) => [
    out.color.bold(instance.name),
    tagText(out, instance),
    instance.url,
    sessionSummary(out, sessions[i] as SessionStatus, now),
  ]);
  for (const line of columns([header, ...rows])) out.line(line);
}

function tagOf(tag: string | undefined): InstanceTag | undefined {
  if (tag === undefined) return undefined;
  const found = instanceTags.find((known) => known === tag.toLowerCase());
  if (found === undefined) throw usageError(`--tag must be one of ${instanceTags.join(', ')} (got "${tag}").`);
  return found;
}

async function addInstance(ctx: CliContext, name: string, url: string, options: AddOptions): Promise<void> {
  const input: NewInstance = { name, url };
  const tag = tagOf(options.tag);
  if (tag !== undefined) input.tag = tag;
  if (options.allowInsecureHttp === true) input.allowInsecureHttp = true;
  if (options.apiKeyStdin === true) input.apiKey = await readSecretFromStdin(ctx.io.stdin, 'API key');
  const { api } = await ctx.desk();
  const instance: Instance = await api.instances.add(input);
  const { out } = ctx;
  if (out.json) {
    out.data(instance);
    return;
  }
  out.line(`Added ${out.color.bold(instance.name)} (${tagText(out, instance)}) ${instance.url}  ${out.color.dim(`id ${instance.id}`)}`);
  if (!instance.hasApiKey) out.note('No API key stored: most DreamFactory calls need one (add it with the app, or again with --api-key-stdin).');
  out.note(`Sign in: dfdesk login ${JSON.stringify(instance.name)} --email you@example.com`);
}

export function registerInstanceCommands(program: Command, ctx: CliContext): void {
  program
    .command('instances')
    .description('list the instances and the state of each one’s session')
    .action(() => listInstances(ctx));
  program
    .command('add')
    .description('add an instance (its API key from stdin, never from the command line)')
    .argument('<name>', 'a name for it, e.g. "Staging"')
    .argument('<url>', 'its address, e.g. https://df.example.com')
    .option('--tag <tag>', `${instanceTags.join(', ')} (prod asks for --yes before every write)`)
    .option('--api-key-stdin', 'read the API key from stdin')
    .option('--allow-insecure-http', 'allow plain http:// to a remote host (sends the password unencrypted)')
    .action((name: string, url: string, options: AddOptions) => addInstance(ctx, name, url, options));
}
