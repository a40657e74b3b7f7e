// Bench, not a test of speed: click → rows shown on a 5,000-row table (db.contacts grown through the API), for
// the data browser's everyday actions, each repeated. Prints p50 and p90; asserts only that every action showed
// what it should. Numbers depend on the machine: compare runs made on the same one.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { addInstance, signInAsJane, startServer } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { type Sample, type Shown, growContacts, serverSession, timeAction, timingReport } from './timing.ts';
import { dialog, openTab, visibleText, waitForSidebarState } from './ui.ts';

const rows = 5_000;
const repetitions = 10;

describe(`click → rows shown on a ${rows.toLocaleString('en-US')}-row table (bench report)`, () => {
  let server: DfServer;
  let harness: DeskHarness;
  let session: Awaited<ReturnType<typeof serverSession>>;
  const results = new Map<string, Sample[]>();

  const page = () => harness.page;
  const data = () => page().getByRole('tabpanel', { name: 'Data', exact: true });
  const records = () => data().getByRole('region', { name: 'Records of contacts' });
  const pager = () => records().getByRole('navigation', { name: 'Pages' });
  const table = (name: string) => data().getByRole('list', { name: 'Tables' }).getByRole('button', { name, exact: true });
  const firstRow = () => records().getByRole('row').nth(1);
  const time = (target: Locator, shown: Shown, select?: string) => timeAction(page(), records(), target, shown, select);
  /** Untimed: waits (Playwright's own quick polling) until the pager of `where` reads exactly `text`. */
  const shows = (text: string, where = records()) =>
    where.getByRole('navigation', { name: 'Pages' }).getByRole('status').filter({ hasText: new RegExp(`^${text}$`) }).waitFor();

  /** One warm-up run (not counted), then `repetitions` timed ones. */
  async function bench(action: string, run: (index: number) => Promise<Sample>): Promise<void> {
    const samples: Sample[] = [];
    for (let index = 0; index <= repetitions; index += 1) {
      const sample = await run(index);
      if (index > 0) samples.push(sample);
    }
    results.set(action, samples);
  }

  beforeAll(async () => {
    server = await startServer();
    await growContacts(server, rows);
    session = await serverSession(server);
    harness = await launchDesk();
    const instance = await addInstance(harness.desk, server, 'Local dev');
    await signInAsJane(harness.desk, instance);
    await waitForSidebarState(page(), 'Local dev', 'Dev', 'Active');
    await openTab(page(), 'Data');
  }, 120_000);

  afterAll(async () => {
    if (results.size > 0) console.log(`\n${timingReport(`Click → rows shown, db.contacts with ${rows} rows (in-page timing)`, results)}\n`);
    await harness?.close();
    await server?.close();
  });

  it('opens the table', async () => {
    await bench('open table', async () => {
      await table('orders').click();
      await shows('Rows 1–25 of 30', data().getByRole('region', { name: 'Records of orders' }));
      return timeAction(page(), data(), table('contacts'), { status: `Rows 1–25 of ${rows}` });
    });
  });

  it('goes to the next page', async () => {
    await bench('next page', (index) =>
      time(pager().getByRole('button', { name: 'Next page' }), { status: `Rows ${26 + 25 * index}–${50 + 25 * index} of ${rows}` }),
    );
  });

  it('shows 100 rows a page', async () => {
    const size = pager().getByLabel('Rows per page');
    await bench('page size 100', async () => {
      await size.selectOption('25');
      await shows(`Rows 1–25 of ${rows}`);
      return time(size, { status: `Rows 1–100 of ${rows}` }, '100');
    });
    expect(await records().getByRole('row').count()).toBe(101);
  });

  it('filters', async () => {
    const box = records().getByLabel('Filter', { exact: true });
    await bench('filter', async (index) => {
      // A different filter each time, so nothing is answered from a cache.
      const filter = `age > ${20 + index * 3}`;
      const count = await session.count(filter);
      await box.fill(filter);
      return time(records().getByRole('button', { name: 'Apply filter' }), { status: `Rows 1–100 of ${count}` });
    });
    await records().getByRole('button', { name: 'Clear filter' }).click();
    await shows(`Rows 1–100 of ${rows}`);
  });

  it('sorts', async () => {
    const header = records().getByRole('button', { name: 'first_name', exact: true });
    // Each click moves on: ascending, descending, stored order; each shows a different first row.
    await bench('sort', async () => time(header, { firstRowNot: ((await firstRow().textContent()) ?? '').trim() }));
  });

  it('saves an edit', async () => {
    const key = (await visibleText(firstRow().getByRole('cell').first())).trim();
    await bench('save edit', async (index) => {
      await records().getByRole('button', { name: `Edit record ${key}`, exact: true }).click();
      const editor = dialog(page(), `Edit record ${key}`);
      const age = String(30 + index);
      await editor.getByLabel('age', { exact: true }).fill(age);
      return time(editor.getByRole('button', { name: 'Save record' }), { noDialog: true, cell: { key, column: 'age', text: age } });
    });
    expect(harness.pageErrors).toEqual([]);
  });
});
