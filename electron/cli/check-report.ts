/**
 * `dfdesk check` as text: the connection test's checks, then the forever-sessions doctor in the app's words
 * (shared/doctor decides; this only lays it out): the verdict, the three fact sections, the findings, and when
 * forever sessions are off the steps for the chosen kind of install, plus the usual causes with --after-steps.
 */
import type { Diagnosis } from '../../shared/doctor/diagnose.ts';
import type { InstallKind, InstallSteps } from '../../shared/doctor/install-steps.ts';
import { installKinds, installSteps, likelyCauses } from '../../shared/doctor/install-steps.ts';
import type { DoctorLine } from '../../shared/doctor/lines.ts';
import { REWRITE_RULES_HINT } from '../../shared/doctor/rewrite-rules.ts';
import type { ProbeCheck } from '../../shared/ipc/contract.ts';
import { usageError } from './exit-codes.ts';
import type { Output } from './output.ts';

export interface CheckReportOptions {
  install: InstallKind;
  afterSteps: boolean;
}

export function installKindOf(text: string | undefined): InstallKind {
  if (text === undefined) return 'unknown';
  const kind = installKinds.find((known) => known === text);
  if (kind === undefined) throw usageError(`--install must be one of ${installKinds.join(', ')} (got "${text}").`);
  return kind;
}

function mark(out: Output, ok: boolean | null): string {
  if (ok === true) return out.tone('ok', '✓');
  if (ok === false) return out.tone('bad', '✗');
  return out.color.dim('–');
}

export function probeLines(out: Output, url: string, checks: readonly ProbeCheck[]): string[] {
  const lines = [out.color.bold(`Connection test: ${url}`)];
  for (const check of checks) {
    lines.push(`  ${mark(out, check.ok)} ${check.label}: ${check.detail}`);
    if (check.nextStep !== undefined && check.ok !== true) lines.push(`      ${out.color.dim('→')} ${check.nextStep}`);
  }
  return lines;
}

function section(out: Output, title: string, lines: readonly DoctorLine[]): string[] {
  const width = Math.max(...lines.map((line) => line.label.length));
  return [
    out.color.bold(title),
    ...lines.map((line) => `  ${out.color.dim(line.label.padEnd(width))}  ${out.tone(line.tone, line.value)}`),
  ];
}

function commands(out: Output, steps: InstallSteps['cacheClear']): string[] {
  return steps.map((step) => `       ${out.color.cyan(step.command)}${step.where ? out.color.dim(`   (${step.where})`) : ''}`);
}

export function installLines(out: Output, kind: InstallKind): string[] {
  const steps = installSteps(kind);
  const lines = [
    out.color.bold(`Turn on forever sessions: ${steps.label}`),
    '  On the DreamFactory server (you need to be its administrator):',
    `  1. Find the settings file. ${steps.envLocation}`,
  ];
  if (steps.findEnv !== undefined) lines.push(...commands(out, [steps.findEnv]));
  lines.push(`  2. Add this line to ${steps.setting.file}, exactly as written (upper case):`);
  lines.push(`       ${out.color.cyan(steps.setting.line)}`, `     ${out.color.dim(steps.setting.note)}`);
  lines.push('  3. Clear DreamFactory’s cached configuration:', ...commands(out, steps.cacheClear));
  lines.push('  4. Restart:', ...commands(out, steps.restart));
  lines.push('  5. Check again (dfdesk check … --after-steps), then sign in again: dfdesk login …');
  lines.push(out.color.dim(`  Other installs: --install ${installKinds.join('|')}`));
  return lines;
}

export function causeLines(out: Output, kind: InstallKind): string[] {
  const lines = [out.color.bold('Still off? The usual causes, most likely first:')];
  likelyCauses(kind).forEach((cause, i) => {
    lines.push(`  ${i + 1}. ${cause.title}`, `     ${cause.check}`);
  });
  return lines;
}

export function diagnosisLines(out: Output, diagnosis: Diagnosis, options: CheckReportOptions): string[] {
  const lines = [out.color.bold(out.tone(diagnosis.tone, diagnosis.headline)), `  ${diagnosis.explanation}`, ''];
  if (diagnosis.verdict === 'rewrite-rules') lines.push(`  ${REWRITE_RULES_HINT}`, '');
  lines.push(...section(out, 'What the server says', diagnosis.server), '');
  lines.push(...section(out, 'What the token says', diagnosis.token), '');
  lines.push(...section(out, 'What DF Desk does', diagnosis.desk));
  if (diagnosis.findings.length > 0) {
    lines.push('', out.color.bold('Findings'));
    for (const finding of diagnosis.findings) lines.push(`  ${out.tone('warn', '!')} ${finding.title}`, `    ${finding.detail}`);
  }
  if (diagnosis.showInstallSteps) {
    lines.push('', ...installLines(out, options.install));
    if (options.afterSteps) lines.push('', ...causeLines(out, options.install));
  }
  if (diagnosis.offerSignInWithRememberMe) lines.push('', 'Sign in with Remember me to get a forever token: dfdesk login …');
  return lines;
}

/** The same content as data, for --json and pipes. */
export function installJson(diagnosis: Diagnosis, options: CheckReportOptions) {
  if (!diagnosis.showInstallSteps) return {};
  const steps = { installSteps: installSteps(options.install) };
  return options.afterSteps ? { ...steps, likelyCauses: likelyCauses(options.install) } : steps;
}
