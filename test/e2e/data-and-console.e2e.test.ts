// Journeys: browse services → db → contacts and write records; call the API from the console. Everything the
// UI claims is checked against the DF test server itself.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { addInstance, apiKey, serverClient, signInAsJane, startServer } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { consoleResponse, dialog, expectText, openTab, sendConsole, visibleText, waitForSidebarState } from './ui.ts';

const jwtShape = /eyJ[A-Za-z0-9_-]{6,}/;

describe('data browser and API console', () => {
  let server: DfServer;
  let harness: DeskHarness;

  beforeAll(async () => {
    server = await startServer();
    harness = await launchDesk();
    const instance = await addInstance(harness.desk, server, 'Local dev');
    await signInAsJane(harness.desk, instance);
    await waitForSidebarState(harness.page, 'Local dev', 'Dev', 'Active');
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it('browses db → contacts a page at a time', async () => {
    const { page } = harness;
    const panel = await openTab(page, 'Data');
    await expectText(panel.getByLabel('Service', { exact: true }), 'db');
    await panel.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    const records = panel.getByRole('region', { name: 'Records of contacts' });
    const pages = records.getByRole('navigation', { name: 'Pages' });
    await expectText(pages, 'Rows 1–25 of 50');
    expect(await records.getByRole('row').count()).toBe(26);
    await pages.getByRole('button', { name: 'Next page' }).click();
    await expectText(pages, 'Rows 26–50 of 50');
    expect(await pages.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
  });

  it('creates, edits and deletes a record, and the server agrees each time', async () => {
    const { page } = harness;
    const check = await serverClient(server);
    const panel = page.getByRole('tabpanel', { name: 'Data', exact: true });
    const records = panel.getByRole('region', { name: 'Records of contacts' });

    await records.getByRole('button', { name: 'New record' }).click();
    const create = dialog(page, 'New record in contacts');
    await create.getByLabel('first_name', { exact: true }).fill('Ada');
    await create.getByLabel('last_name', { exact: true }).fill('Lovelace');
    await create.getByLabel('email', { exact: true }).fill('ada@example.com');
    await create.getByLabel('age', { exact: true }).fill('36');
    await create.getByRole('button', { name: 'Create record' }).click();
    await create.waitFor({ state: 'detached' });
    await expectText(records.getByRole('navigation', { name: 'Pages' }), 'of 51');
    const created = await check.contacts("last_name = 'Lovelace'");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ first_name: 'Ada', email: 'ada@example.com', age: 36 });
    const id = String(created[0]?.id);

    await records.getByLabel('Filter', { exact: true }).fill("last_name = 'Lovelace'");
    await records.getByRole('button', { name: 'Apply filter' }).click();
    await expectText(records.getByRole('navigation', { name: 'Pages' }), 'Rows 1–1 of 1');
    await records.getByRole('button', { name: `Edit record ${id}`, exact: true }).click();
    const edit = dialog(page, `Edit record ${id}`);
    await edit.getByLabel('age', { exact: true }).fill('37');
    await edit.getByRole('button', { name: 'Save record' }).click();
    await edit.waitFor({ state: 'detached' });
    await expectText(records.getByRole('table'), '37');
    expect((await check.contacts(`id = ${id}`))[0]).toMatchObject({ last_name: 'Lovelace', age: 37 });

    await records.getByRole('button', { name: `Delete record ${id}`, exact: true }).click();
    // Deleting asks on every instance, not only on production.
    await dialog(page, `Delete record ${id}?`).getByRole('button', { name: 'Yes, delete' }).click();
    await expectText(records, 'No records match the filter.');
    expect(await check.contacts(`id = ${id}`)).toEqual([]);
    expect(await check.contacts()).toHaveLength(50);
  });

  it('sends a console request and shows status and JSON, while no token or key ever reaches the page', async () => {
    const { page } = harness;
    await openTab(page, 'API console');
    await sendConsole(page, { path: '/db/_table/contacts?limit=2' });
    const response = consoleResponse(page);
    await expectText(response.getByRole('status'), 'Status 200 OK');
    const body = await visibleText(response.getByRole('region', { name: 'Response body' }));
    const parsed = JSON.parse(body) as { resource: unknown[] };
    expect(parsed.resource).toHaveLength(2);
    await expectText(page.getByRole('region', { name: 'Recent requests' }), 'GET /db/_table/contacts?limit=2 · 200');

    // The request really carried the session token, yet nothing token-shaped is in the DOM, storage or log.
    const sent = server.requestLog.filter((entry) => entry.path.startsWith('/api/v2/db/_table/contacts?'));
    expect(sent.at(-1)?.headers['x-dreamfactory-session-token']).toMatch(jwtShape);
    const html = await page.content();
    expect(html).not.toMatch(jwtShape);
    expect(html).not.toContain(apiKey);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(storage).not.toMatch(jwtShape);
    const log = await readFile(join(harness.dataDir, 'logs', 'desk.log'), 'utf8').catch(() => '');
    expect(log).not.toMatch(jwtShape);
    expect(harness.pageErrors).toEqual([]);
    expect(harness.unexpectedErrors).toEqual([]);
  });
});
