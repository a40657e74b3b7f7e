// The layout at the window sizes people use: 1024×700 (a small laptop), 1280×800 (the default window) and
// 1920×1080. The records grid of db.contacts (six columns) and the add-instance dialog after Test connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { addInstance, apiKey, signInAsJane, startServer } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { boxOf, gridGeometry, showsWhole, wholeColumns } from './layout.ts';
import { expectText, openTab, testConnectionInAddForm, waitForSidebarState } from './ui.ts';

const contactColumns = ['id', 'first_name', 'last_name', 'email', 'age', 'created_date'];

describe('layout at 1024×700, 1280×800 and 1920×1080', () => {
  let server: DfServer;
  let harness: DeskHarness;

  const records = () => harness.page.getByRole('region', { name: 'Records of contacts' });

  /** The data tab fits the window: the grid takes the height left, the page does not scroll, the pager shows. */
  async function expectPagerOnScreen(): Promise<void> {
    const main = harness.page.getByRole('main');
    expect(await main.evaluate((element) => element.scrollHeight - element.clientHeight)).toBeLessThanOrEqual(0);
    const pager = records().getByRole('navigation', { name: 'Pages' });
    for (const name of ['Previous page', 'Next page']) expect(await showsWhole(pager.getByRole('button', { name })), name).toBe(true);
    expect(await showsWhole(pager.getByLabel('Rows per page')), 'Rows per page').toBe(true);
  }

  async function resize(width: number, height: number): Promise<void> {
    await harness.page.setViewportSize({ width, height });
    // One frame for the layout to follow.
    await harness.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  }

  beforeAll(async () => {
    server = await startServer();
    harness = await launchDesk({ viewport: { width: 1280, height: 800 } });
    const { page, desk } = harness;
    // Without a keychain a banner takes the top of the window, and these sizes would be measured without it.
    expect((await desk.api.vault.health()).mode).toBe('keychain');
    const instance = await addInstance(desk, server, 'Local dev');
    await signInAsJane(desk, instance);
    await waitForSidebarState(page, 'Local dev', 'Dev', 'Active');
    const data = await openTab(page, 'Data');
    await data.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    await expectText(records().getByRole('navigation', { name: 'Pages' }), 'Rows 1–25 of 50');
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it('1024×700: the grid shows five of six columns whole, pins the key and Edit/Delete, and scrolls to the rest', async () => {
    await resize(1024, 700);
    const start = await gridGeometry(records());
    expect(start.headers.map((header) => header.name)).toEqual(contactColumns);
    expect(start.scrollWidth).toBeGreaterThan(start.clientWidth);
    expect(wholeColumns(start).length).toBeGreaterThanOrEqual(5);
    // Long values are cut short to leave room, and their title has the whole value.
    expect(start.cut.length).toBeGreaterThan(0);
    for (const cell of start.cut) expect(cell.title, `title of "${cell.text}"`).toBe(cell.text);

    const end = await gridGeometry(records(), 10_000);
    // Scrolled to the end: the last column shows whole, and the key column and the actions stayed in view.
    expect(wholeColumns(end)).toContain('created_date');
    expect(end.headers[0]?.onTop).toBe(true);
    expect(end.headers[0]?.box.left).toBeCloseTo(end.frame.left + 1, 0);
    expect(end.actions.right).toBeLessThanOrEqual(end.frame.right);

    // The toolbar's buttons stay one line high, and the pager is on screen without scrolling the page.
    const heights = await Promise.all(
      ['Apply filter', 'Reload', 'New record'].map(async (name) => (await boxOf(records().getByRole('button', { name }))).bottom),
    );
    expect(new Set(heights).size).toBe(1);
    await gridGeometry(records(), 0);
    await expectPagerOnScreen();
  });

  it('1280×800: every column shows whole, none behind Edit/Delete, and the filter box keeps its width', async () => {
    await resize(1280, 800);
    const grid = await gridGeometry(records());
    expect(grid.scrollWidth).toBeLessThanOrEqual(grid.clientWidth);
    expect(wholeColumns(grid)).toEqual(contactColumns);
    expect(grid.cut).toEqual([]);
    await expectPagerOnScreen();

    const filter = records().getByLabel('Filter', { exact: true });
    const before = await boxOf(filter);
    await filter.fill('age > 30');
    await records().getByRole('button', { name: 'Apply filter' }).click();
    await expectText(records().getByRole('navigation', { name: 'Pages' }), 'of 35');
    const clear = records().getByRole('button', { name: 'Clear filter' });
    expect(await showsWhole(clear)).toBe(true);
    expect(await boxOf(filter)).toEqual(before);

    await clear.click();
    await expectText(records().getByRole('navigation', { name: 'Pages' }), 'Rows 1–25 of 50');
    expect(await boxOf(filter)).toEqual(before);
    // The clear button is gone; the focus went to the box, not to the page.
    expect(await filter.evaluate((input) => input === document.activeElement)).toBe(true);
  });

  it('1920×1080: Edit and Delete follow the last column, with no gap before them', async () => {
    await resize(1920, 1080);
    const grid = await gridGeometry(records());
    expect(wholeColumns(grid)).toEqual(contactColumns);
    const last = grid.headers.at(-1);
    expect(grid.actions.left - (last?.box.right ?? 0)).toBeLessThanOrEqual(1);
    // The actions column is as wide as its buttons (plus padding), not a stretch of empty grid.
    expect(grid.firstEdit.left - grid.actions.left).toBeLessThan(16);
    expect(grid.frame.right - grid.actions.right).toBeLessThan(2);
  });

  it('1024×700: the add-instance dialog fits, and after Test connection every check can be shown above the buttons', async () => {
    const { page } = harness;
    await resize(1024, 700);
    const form = await testConnectionInAddForm(page, { name: 'QA box', url: server.url, apiKey });
    const checks = form.getByRole('list', { name: 'Connection checks' });
    await expectText(checks, 'Sign-in attribute');

    const box = await boxOf(form);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(700);
    expect(await showsWhole(form.getByRole('button', { name: 'Save instance' }))).toBe(true);
    expect(await showsWhole(form.getByRole('button', { name: 'Cancel' }))).toBe(true);

    // After the test the dialog brings its results into view: every check shows whole, none of it under the
    // sticky Cancel/Save footer.
    const items = await checks.getByRole('listitem').all();
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) expect(await showsWhole(item), (await item.textContent()) ?? '').toBe(true);
    // And from the top of the form, the nearest scroll that shows the list (what focusing or scrollIntoView does)
    // stops above the footer, not under it.
    await checks.evaluate((list) => {
      let scroller = list.parentElement;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
      scroller?.scrollTo({ top: 0 });
      list.scrollIntoView({ block: 'nearest' });
    });
    for (const item of items) expect(await showsWhole(item), (await item.textContent()) ?? '').toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(harness.pageErrors).toEqual([]);
  });
});
