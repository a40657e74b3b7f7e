/**
 * Bench-style timings for the e2e suite: how long a click takes to show its rows, measured inside the page
 * (performance.now() from the click's dispatch to the first paint after the DOM shows the expected rows), so
 * Playwright's own round trips and actionability checks are not counted. A report, never an assertion.
 */
import type { ElementHandle, Locator, Page } from 'playwright-core';
import type { DfServer } from '../df-server/index.ts';
import { apiKey, jane } from './fixtures.ts';

/** What the records region shows once the action is done (all given conditions hold, nothing is busy). */
export interface Shown {
  /** The pager's status text, exactly ("Rows 26–50 of 5000"). */
  status?: string;
  /** The first body row's text differs from this (a sort or a filter changed the rows). */
  firstRowNot?: string;
  /** The cell of the row whose first cell is `key`, in the column headed `column`, reads `text`. */
  cell?: { key: string; column: string; text: string };
  /** No dialog is open any more. */
  noDialog?: boolean;
}

export interface Sample {
  /** Click → the DOM shows the rows. */
  domMs: number;
  /** Click → the first frame painted after that. */
  paintedMs: number;
}

/** Clicks `target` (or picks `select` in it) inside the page and times it until `records` shows `shown`. */
export async function timeAction(page: Page, records: Locator, target: Locator, shown: Shown, select?: string): Promise<Sample> {
  const region = (await records.elementHandle()) as ElementHandle<HTMLElement>;
  const element = (await target.elementHandle()) as ElementHandle<HTMLElement>;
  return page.evaluate(
    async ({ region, element, shown, select }) => {
      const text = (node: Element | null | undefined) => (node?.textContent ?? '').trim();
      const done = (): boolean => {
        if (region.querySelector('[aria-busy="true"]')) return false;
        if (shown.noDialog && document.querySelector('[role="dialog"], [role="alertdialog"]')) return false;
        if (shown.status !== undefined && text(region.querySelector('nav [role="status"]')) !== shown.status) return false;
        if (shown.firstRowNot !== undefined && text(region.querySelector('tbody tr')) === shown.firstRowNot) return false;
        if (shown.cell) {
          const { key, column, text: want } = shown.cell;
          const index = [...region.querySelectorAll('thead th')].findIndex((th) => text(th) === column);
          const row = [...region.querySelectorAll('tbody tr')].find((tr) => text(tr.firstElementChild) === key);
          if (index < 0 || !row || text(row.children[index]) !== want) return false;
        }
        return true;
      };
      if (done()) throw new Error(`The page already shows ${JSON.stringify(shown)} before the action`);
      const start = performance.now();
      if (select === undefined) element.click();
      else {
        (element as unknown as HTMLSelectElement).value = select;
        element.dispatchEvent(new Event('change', { bubbles: true }));
      }
      const domMs = await new Promise<number>((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - start);
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`Not shown within 10 s: ${JSON.stringify(shown)}`));
        }, 10_000);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      // The frame that puts those rows on screen: its callbacks run before the paint, the timeout after it.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { domMs, paintedMs: performance.now() - start };
    },
    { region, element, shown, select },
  );
}

/** Nearest-rank percentile of the samples (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The bench table: one line per action with p50 and p90 of "rows shown" (painted) and of the DOM update. */
export function timingReport(title: string, results: ReadonlyMap<string, readonly Sample[]>): string {
  const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
  const lines = [title, `${'action'.padEnd(24)} |  n | shown p50 | shown p90 |   DOM p50 |   DOM p90 |       max`];
  for (const [action, samples] of results) {
    const shown = samples.map((sample) => sample.paintedMs);
    const dom = samples.map((sample) => sample.domMs);
    lines.push(
      `${action.padEnd(24)} | ${String(samples.length).padStart(2)} |  ${ms(percentile(shown, 50))} |  ${ms(percentile(shown, 90))} |  ${ms(percentile(dom, 50))} |  ${ms(percentile(dom, 90))} |  ${ms(Math.max(...shown))}`,
    );
  }
  return lines.join('\n');
}

/** A session of our own on the test server, for setup and expectations (not what the UI does). */
export async function serverSession(server: DfServer) {
  const base = `${server.url}/api/v2`;
  const json = { 'Content-Type': 'application/json', 'X-DreamFactory-API-Key': apiKey };
  const login = await fetch(`${base}/user/session`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: jane.email, password: jane.password }),
  });
  if (!login.ok) throw new Error(`Server-side login failed: ${login.status}`);
  const { session_token: token } = (await login.json()) as { session_token: string };
  const headers = { ...json, 'X-DreamFactory-Session-Token': token };
  return {
    async count(filter?: string): Promise<number> {
      const query = new URLSearchParams({ count_only: 'true', ...(filter === undefined ? {} : { filter }) });
      const answer = await fetch(`${base}/db/_table/contacts?${query}`, { headers });
      if (!answer.ok) throw new Error(`Count failed: ${answer.status}`);
      return Number(await answer.text());
    },
    async insert(resource: Record<string, unknown>[]): Promise<void> {
      const answer = await fetch(`${base}/db/_table/contacts`, { method: 'POST', headers, body: JSON.stringify({ resource }) });
      if (!answer.ok) throw new Error(`Insert failed: ${answer.status} ${await answer.text()}`);
    },
  };
}

/**
 * Grows db.contacts to `total` rows through the server's own API (the test server seeds 50), in batches of 1,000
 * so each request stays well under its 5 MB body limit.
 */
export async function growContacts(server: DfServer, total: number): Promise<void> {
  const session = await serverSession(server);
  for (let have = await session.count(); have < total; ) {
    const batch = Array.from({ length: Math.min(1_000, total - have) }, (_, index) => {
      const n = have + index + 1;
      return {
        first_name: `Bench${n}`,
        last_name: `Row${n % 97}`,
        email: `bench.row${n}@example.com`,
        age: 18 + ((n * 7) % 60),
        created_date: new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
      };
    });
    await session.insert(batch);
    have += batch.length;
  }
}
