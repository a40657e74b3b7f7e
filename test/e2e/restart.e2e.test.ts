// Journey: quit DF Desk and start it again; a remembered session comes back without the password.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { removeDeskData } from './desk-data.ts';
import { apiKey, jane, routeCount, startServer, userLoginRoute } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { consoleResponse, dialog, expectText, fillSignIn, openTab, sendConsole, waitForSidebarState } from './ui.ts';

describe('restarting DF Desk', () => {
  let server: DfServer | undefined;
  let dataDir: string | undefined;
  const harnesses: DeskHarness[] = [];

  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
    await server?.close();
    if (dataDir !== undefined) await removeDeskData(dataDir);
  });

  it('restores a remembered session on the same data directory without asking for the password', async () => {
    server = await startServer();
    dataDir = await mkdtemp(join(tmpdir(), 'dfdesk-restart-'));

    const first = await launchDesk({ dataDir });
    harnesses.push(first);
    await first.page.getByRole('button', { name: 'Add instance' }).click();
    const form = dialog(first.page, 'Add a DreamFactory instance');
    await form.getByLabel('Name', { exact: true }).fill('Local dev');
    await form.getByLabel('URL', { exact: true }).fill(server.url);
    await form.getByLabel('API key', { exact: true }).fill(apiKey);
    await form.getByRole('button', { name: 'Save instance' }).click();
    const signIn = (await openTab(first.page, 'Session')).getByRole('form', { name: 'Sign in to Local dev' });
    await fillSignIn(signIn, jane.email, jane.password);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitForSidebarState(first.page, 'Local dev', 'Dev', 'Active');
    expect(routeCount(server, userLoginRoute)).toBe(1);
    await first.close();

    server.stats.reset();
    const second = await launchDesk({ dataDir });
    harnesses.push(second);
    await waitForSidebarState(second.page, 'Local dev', 'Dev', 'Active');
    const session = await openTab(second.page, 'Session');
    await expectText(session, jane.name, 'Forever session\nYes');
    await openTab(second.page, 'API console');
    await sendConsole(second.page, { path: '/db/_table/contacts?limit=1' });
    await expectText(consoleResponse(second.page).getByRole('status'), 'Status 200 OK');

    expect(routeCount(server, userLoginRoute)).toBe(0);
    expect(server.stats.requests).toBeGreaterThan(0);
    expect(second.pageErrors).toEqual([]);
  });
});
