// Journeys: two instances side by side (one of them production) and switching between them; on production,
// every write asks first and a cancelled write sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { addInstance, loggedRequests, serverClient, signInAsJane, startServer } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import {
  consoleResponse,
  dialog,
  expectText,
  fillConsole,
  openTab,
  selectInstance,
  sendConsole,
  sidebarItem,
  visibleText,
  waitForSidebarState,
} from './ui.ts';

const contactsPath = '/api/v2/db/_table/contacts';

describe('two instances, one of them production', () => {
  let dev: DfServer;
  let prod: DfServer;
  let harness: DeskHarness;

  beforeAll(async () => {
    [dev, prod] = await Promise.all([startServer(), startServer()]);
    harness = await launchDesk();
    const { desk, page } = harness;
    await signInAsJane(desk, await addInstance(desk, dev, 'Local dev', 'dev'));
    await signInAsJane(desk, await addInstance(desk, prod, 'Production', 'prod'));
    await waitForSidebarState(page, 'Local dev', 'Dev', 'Active');
    await waitForSidebarState(page, 'Production', 'Prod', 'Active');
  });

  afterAll(async () => {
    await harness?.close();
    await Promise.all([dev?.close(), prod?.close()]);
  });

  it('switches between them: chrome, workspace and requests follow the selected instance', async () => {
    const { page } = harness;
    const topBar = page.getByRole('banner').first();

    await selectInstance(page, 'Production');
    await expectText(topBar, 'Production', 'PRODUCTION');
    expect(await topBar.getAttribute('data-tag')).toBe('prod');
    expect(await sidebarItem(page, 'Production').getAttribute('aria-current')).toBe('true');
    await openTab(page, 'API console');
    await sendConsole(page, { path: '/db/_table/contacts?limit=1&offset=7' });
    await expectText(consoleResponse(page).getByRole('status'), 'Status 200 OK');

    // Ctrl+N selects the Nth instance in sidebar order (favourites, then by name): 1 = Local dev.
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { level: 1, name: 'Local dev' }).waitFor();
    await expectText(topBar, 'Local dev', 'Dev');
    expect(await visibleText(topBar)).not.toContain('PRODUCTION');
    expect(await topBar.getAttribute('data-tag')).toBe('dev');
    // Each instance keeps its own tab: Local dev was never left on the console.
    expect(await page.getByRole('tab', { name: 'Session', exact: true }).getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('Control+2');
    await page.getByRole('heading', { level: 1, name: 'Production' }).waitFor();
    expect(await page.getByRole('tab', { name: 'API console', exact: true }).getAttribute('aria-selected')).toBe('true');
    expect(loggedRequests(prod, 'GET', `${contactsPath}?limit=1&offset=7`)).toBe(1);
    expect(loggedRequests(dev, 'GET', `${contactsPath}?limit=1&offset=7`)).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  });

  it('asks before a write on production, and a cancelled write sends nothing', async () => {
    const { page } = harness;
    await selectInstance(page, 'Production');
    const panel = await openTab(page, 'API console');
    const posts = () => loggedRequests(prod, 'POST', contactsPath);
    const before = posts();

    const body = '{"resource": [{"first_name": "Prod", "last_name": "Write"}]}';
    await fillConsole(page, { method: 'POST', path: '/db/_table/contacts', body });
    await expectText(panel, 'Production: DF Desk asks before sending this POST.');
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    const ask = dialog(page, 'Send POST /db/_table/contacts?');
    await expectText(ask, 'PRODUCTION instance', 'Production');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(posts()).toBe(before);

    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog(page, 'Send POST /db/_table/contacts?').getByRole('button', { name: 'Send to production' }).click();
    await expectText(consoleResponse(page).getByRole('status'), 'Status 200 OK');
    expect(posts()).toBe(before + 1);
    const check = await serverClient(prod);
    expect(await check.contacts("last_name = 'Write'")).toHaveLength(1);
  });

  it('asks before saving or deleting a record on production; cancelling leaves the server untouched', async () => {
    const { page } = harness;
    const panel = await openTab(page, 'Data');
    await panel.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    const records = panel.getByRole('region', { name: 'Records of contacts' });
    const check = await serverClient(prod);
    const [original] = await check.contacts('id = 3');
    const writes = () => prod.requestLog.filter((entry) => ['PUT', 'PATCH', 'DELETE'].includes(entry.method)).length;

    await records.getByRole('button', { name: 'Edit record 3', exact: true }).click();
    const edit = dialog(page, 'Edit record 3');
    await edit.getByLabel('age', { exact: true }).fill('99');
    await edit.getByRole('button', { name: 'Save record' }).click();
    const ask = dialog(page, 'Save record 3?');
    await expectText(ask, 'PRODUCTION instance');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(writes()).toBe(0);
    // Backing out of the confirmation keeps the editor open with what was typed.
    expect(await edit.getByLabel('age', { exact: true }).inputValue()).toBe('99');

    await edit.getByRole('button', { name: 'Save record' }).click();
    await dialog(page, 'Save record 3?').getByRole('button', { name: 'Save on production' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(writes()).toBe(1);
    expect((await check.contacts('id = 3'))[0]).toMatchObject({ ...original, age: 99 });

    await records.getByRole('button', { name: 'Delete record 3', exact: true }).click();
    const confirmDelete = dialog(page, 'Delete record 3?');
    await expectText(confirmDelete, 'PRODUCTION instance');
    await confirmDelete.getByRole('button', { name: 'Cancel' }).click();
    await confirmDelete.waitFor({ state: 'detached' });
    expect(writes()).toBe(1);
    expect(await check.contacts('id = 3')).toHaveLength(1);
    expect(harness.pageErrors).toEqual([]);
    expect(harness.unexpectedErrors).toEqual([]);
  });
});
