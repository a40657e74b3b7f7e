/**
 * `dfdesk check URL|INSTANCE`: the connection test and the forever-sessions doctor. A saved instance is checked
 * as its sessions connect (its key, its pinned certificate) and its token is read too; a URL gets the
 * connection test, with an API key from stdin if given.
 */
import type { Command } from 'commander';
import { diagnose } from '../../../shared/doctor/diagnose.ts';
import type { DoctorFacts } from '../../../shared/doctor/facts.ts';
import type { ProbeInput, ProbeReport } from '../../../shared/ipc/contract.ts';
import { diagnosisLines, installJson, installKindOf, probeLines } from '../check-report.ts';
import type { CliContext } from '../context.ts';
import { exitCodes, usageError } from '../exit-codes.ts';
import { matchInstance } from '../instance-ref.ts';
import { readSecretFromStdin } from '../secret-input.ts';

interface CheckOptions {
  install?: string;
  afterSteps?: boolean;
  apiKeyStdin?: boolean;
}

/** Looks like an address rather than a name: a scheme, or a host with a dot, a port or "localhost". */
export function looksLikeUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^\s/]+[.:][^\s]*$/.test(text) || /^localhost\b/i.test(text);
}

/** 5 when nothing answered, 4 when something did but not as DreamFactory (or it refused the key), else 0. */
export function checkExitCode(facts: DoctorFacts, report?: Pick<ProbeReport, 'apiKeyAccepted'>): number {
  if (facts.server.kind === 'unreachable') return exitCodes.network;
  if (facts.server.kind !== 'environment') return exitCodes.dfError;
  if (report?.apiKeyAccepted === false) return exitCodes.dfError;
  return exitCodes.ok;
}

async function check(ctx: CliContext, target: string, options: CheckOptions): Promise<void> {
  const report = { install: installKindOf(options.install), afterSteps: options.afterSteps === true };
  const { api } = await ctx.desk();
  const instance = matchInstance(await api.instances.list(), target);
  if (instance === undefined && !looksLikeUrl(target)) {
    throw usageError(`"${target}" is neither a saved instance (see dfdesk instances) nor an address like https://df.example.com.`);
  }
  if (instance !== undefined && options.apiKeyStdin === true) throw usageError('--api-key-stdin is for an address; a saved instance uses its own key.');
  let probe: ProbeReport | undefined;
  let facts: DoctorFacts;
  if (instance !== undefined) {
    facts = await ctx.spinner.run(`Checking ${instance.name}…`, () => api.instances.doctor(instance.id));
  } else {
    const input: ProbeInput = { url: target };
    if (options.apiKeyStdin === true) input.apiKey = await readSecretFromStdin(ctx.io.stdin, 'API key');
    probe = await ctx.spinner.run(`Checking ${target}…`, () => api.instances.probe(input));
    facts = { checkedAt: Date.now(), url: probe.url, server: probe.server, session: null };
  }
  const diagnosis = diagnose(facts);
  ctx.exitCode = checkExitCode(facts, probe);
  const { out } = ctx;
  if (out.json) {
    out.data({ url: facts.url, ...(instance ? { instanceId: instance.id } : { probe }), facts, diagnosis, ...installJson(diagnosis, report) });
    // The report says it on a terminal; a pipe gets the reason for the exit code on stderr.
    if (ctx.exitCode !== exitCodes.ok) out.error(diagnosis.headline);
    return;
  }
  if (probe !== undefined) out.line([...probeLines(out, probe.url, probe.checks), ''].join('\n'));
  else out.line(`${out.color.bold(instance?.name ?? '')}: ${facts.url}\n`);
  for (const line of diagnosisLines(out, diagnosis, report)) out.line(line);
}

export function registerCheckCommand(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('test the connection and run the forever-sessions doctor')
    .argument('<target>', 'a saved instance’s name or id, or an address')
    .option('--install <kind>', 'your kind of DreamFactory install, for the steps that turn forever sessions on', 'unknown')
    .option('--after-steps', 'you did the steps and it is still off: also list the usual causes')
    .option('--api-key-stdin', 'for an address: read its API key from stdin')
    .action((target: string, options: CheckOptions) => check(ctx, target, options));
}
