// Journeys (issue 11, state and feedback): each instance keeps its own view across switches, the pager goes to
// any page without losing the focus, and DF's raw session messages arrive in plain words with the raw text
// under "Details".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { addInstance, jane, signInAsJane, startServer } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { eventually, focused, hasFocus } from './keyboard-support.ts';
import { dialog, expectText, openTab, visibleText, waitForSidebarState } from './ui.ts';

const blacklisted = 'The token has been blacklisted: Session terminated. Please re-login.';

describe('state and feedback', () => {
  let server: DfServer;
  let harness: DeskHarness;

  beforeAll(async () => {
    server = await startServer();
    harness = await launchDesk();
    const first = await addInstance(harness.desk, server, 'Local dev');
    const second = await addInstance(harness.desk, server, 'Second', 'staging');
    await signInAsJane(harness.desk, first);
    await signInAsJane(harness.desk, second);
    await waitForSidebarState(harness.page, 'Local dev', 'Dev', 'Active');
    await waitForSidebarState(harness.page, 'Second', 'Staging', 'Active');
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  const dataPanel = () => harness.page.getByRole('tabpanel', { name: 'Data', exact: true });
  const records = () => dataPanel().getByRole('region', { name: 'Records of contacts' });
  const pages = () => records().getByRole('navigation', { name: 'Pages' });

  function lastContactsQuery(): URLSearchParams {
    const last = server.requestLog.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/api/v2/db/_table/contacts?')).at(-1);
    return new URLSearchParams(last?.path.split('?')[1] ?? '');
  }

  it('item 6: switching away and back keeps the table, page, page size, filter, sort and console draft', async () => {
    const { page } = harness;
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { level: 1, name: 'Local dev' }).waitFor();
    const panel = await openTab(page, 'Data');
    await panel.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    await expectText(pages(), 'Rows 1–25 of 50');
    await records().getByLabel('Filter', { exact: true }).fill('id > 10');
    await records().getByRole('button', { name: 'Apply filter' }).click();
    await expectText(pages(), 'Rows 1–25 of 40');
    await records().getByRole('button', { name: 'id', exact: true }).click();
    await records().getByRole('columnheader', { name: /^id/ }).getByRole('button').click();
    await pages().getByLabel('Rows per page', { exact: true }).selectOption('10');
    await expectText(pages(), 'Rows 1–10 of 40');
    await pages().getByRole('button', { name: 'Next page' }).click();
    await expectText(pages(), 'Rows 11–20 of 40');
    await pages().getByRole('button', { name: 'Next page' }).click();
    await expectText(pages(), 'Rows 21–30 of 40');
    const consolePanel = await openTab(page, 'API console');
    await consolePanel.getByLabel('Path', { exact: true }).fill('/db/_table/orders?limit=3');
    await openTab(page, 'Data');

    await page.keyboard.press('Control+2');
    await page.getByRole('heading', { level: 1, name: 'Second' }).waitFor();
    await openTab(page, 'Data');
    await expectText(dataPanel(), 'Pick a table.');

    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { level: 1, name: 'Local dev' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Data' }).getAttribute('aria-selected')).toBe('true');
    await expectText(pages(), 'Rows 21–30 of 40');
    expect(await dataPanel().getByRole('button', { name: 'contacts', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await records().getByRole('columnheader', { name: /^id/ }).getAttribute('aria-sort')).toBe('descending');
    expect(await pages().getByLabel('Rows per page', { exact: true }).inputValue()).toBe('10');
    expect(await pages().getByLabel('Page', { exact: true }).inputValue()).toBe('3');
    expect(await records().getByRole('button', { name: 'Clear filter' }).count()).toBe(1);
    const query = lastContactsQuery();
    expect([query.get('filter'), query.get('order'), query.get('limit'), query.get('offset')]).toEqual(['id > 10', 'id desc', '10', '20']);
    await expectText(records().getByRole('table'), '20');
    const consoleAgain = await openTab(page, 'API console');
    expect(await consoleAgain.getByLabel('Path', { exact: true }).inputValue()).toBe('/db/_table/orders?limit=3');
    await openTab(page, 'Data');
    expect(harness.pageErrors).toEqual([]);
  });

  it('item 10: first, last and a typed page, on the keyboard, without losing the focus', async () => {
    const { page } = harness;
    const last = pages().getByRole('button', { name: 'Last page' });
    await last.focus();
    await page.keyboard.press('Enter');
    await expectText(pages(), 'Rows 31–40 of 40');
    // On the last page the button cannot act, yet it keeps the focus (a disabled one would drop it on <body>).
    expect(await last.getAttribute('aria-disabled')).toBe('true');
    expect(await focused(page)).toBe('button Last page');
    await page.keyboard.press('Enter');
    expect(await visibleText(pages())).toContain('Rows 31–40 of 40');

    const number = pages().getByLabel('Page', { exact: true });
    expect(await number.inputValue()).toBe('4');
    await number.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expectText(pages(), 'Rows 11–20 of 40');
    expect(await hasFocus(number)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button First page');
    await page.keyboard.press('Enter');
    await expectText(pages(), 'Rows 1–10 of 40');
    expect(await focused(page)).toBe('button First page');
    expect(await pages().getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
  });

  it('item 8: a session DF blacklisted is explained in plain words; DF’s own text is under Details', async () => {
    const { page } = harness;
    server.revokeUser(jane.email);
    await records().getByRole('button', { name: 'Reload' }).click();
    const signIn = dialog(page, 'Sign in to Local dev');
    await signIn.waitFor();
    await expectText(signIn, 'DreamFactory ended this session: it was signed out elsewhere, or an admin ended it.');
    expect(await visibleText(signIn)).not.toContain(blacklisted);
    const details = signIn.getByText('Details', { exact: true });
    await details.click();
    await expectText(signIn, blacklisted);

    await signIn.getByLabel('Password', { exact: true }).fill(jane.password);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await signIn.waitFor({ state: 'detached' });
    await expectText(pages(), 'Rows 1–10 of 40');
    await eventually(async () => (await dataPanel().getByRole('alert').count()) === 0, 'the records show no error');
    expect(harness.pageErrors).toEqual([]);
  });
});
