/**
 * axe-core in the e2e Chromium. `@axe-core/playwright` needs Node 22, so the plain axe-core bundle is injected
 * here: Playwright evaluates it through the devtools protocol, which the page's strict CSP (no inline script,
 * no eval) does not govern, so the app's real CSP stays on while axe runs.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

/** One rule that failed on a screen: how many elements, and which (CSS selectors, for the failure message). */
export interface AxeFinding {
  rule: string;
  impact: Impact;
  help: string;
  nodes: number;
  targets: string[];
  /** axe's own summary of the first failing element (e.g. the contrast ratio it measured). */
  summary: string;
}

let source: Promise<string> | undefined;

function axeSource(): Promise<string> {
  source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** Runs every axe rule on the whole page as it is now and returns the violations, worst first. */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    await page.evaluate(await axeSource());
    if (!(await page.evaluate(() => 'axe' in globalThis))) throw new Error('axe-core did not load in the page');
  }
  const violations = await page.evaluate(async () => {
    const axe = Reflect.get(globalThis, 'axe') as typeof Axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'minor',
      help: violation.help,
      nodes: violation.nodes.length,
      targets: violation.nodes.map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary ?? '',
    }));
  });
  const order: Impact[] = ['critical', 'serious', 'moderate', 'minor'];
  return violations.sort((a, b) => order.indexOf(a.impact) - order.indexOf(b.impact) || a.rule.localeCompare(b.rule));
}

/** Serious and critical findings: the ones a screen must not have. */
export function blocking(findings: readonly AxeFinding[]): AxeFinding[] {
  return findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}

export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map((f) => `${f.rule} (${f.impact}, ${f.nodes}×): ${f.help}\n  ${f.targets.slice(0, 5).join('\n  ')}\n  ${f.summary.replace(/\n/g, ' ')}`)
    .join('\n');
}

/** Every finding of every screen and theme as one table: `screen | theme | rule (impact) × elements`. */
export function axeReport(rows: readonly { screen: string; theme: string; findings: readonly AxeFinding[] }[]): string {
  const lines = ['screen                    | theme | violations (impact × elements)'];
  for (const { screen, theme, findings } of rows) {
    const list = findings.map((f) => `${f.rule} (${f.impact} ×${f.nodes})`).join(', ') || 'none';
    lines.push(`${screen.padEnd(25)} | ${theme.padEnd(5)} | ${list}`);
  }
  // Each failing element once, with the screens it failed on: enough to find it without a rerun.
  const seen = new Map<string, Set<string>>();
  for (const { screen, theme, findings } of rows) {
    for (const f of findings) {
      for (const target of f.targets) {
        const key = `${f.rule} (${f.impact}): ${target}`;
        seen.set(key, (seen.get(key) ?? new Set()).add(`${screen}/${theme}`));
      }
    }
  }
  for (const [key, where] of seen) lines.push(`  ${key}  [${[...where].join(', ')}]`);
  return lines.join('\n');
}
