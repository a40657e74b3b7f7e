// Journeys: the session outlives its token without the user noticing, and a session the server kills is
// renewed in place, over the view the user was working in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { addInstance, jane, routeCount, signInAsJane, startServer, userLoginRoute } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import {
  consoleResponse,
  dialog,
  expectText,
  fillConsole,
  fillSignIn,
  openTab,
  selectInstance,
  sendConsole,
  waitForSidebarState,
} from './ui.ts';

const ttlSeconds = 3;

describe('session lifetime', () => {
  const servers: DfServer[] = [];
  let harness: DeskHarness;

  beforeAll(async () => {
    harness = await launchDesk();
  });

  afterAll(async () => {
    await harness?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('keeps working past the token lifetime with no sign-in prompt', async () => {
    const { page, desk } = harness;
    const server = await startServer({ ttlSeconds });
    servers.push(server);
    const instance = await addInstance(desk, server, 'Short tokens');
    const signedIn = await signInAsJane(desk, instance);
    await selectInstance(page, 'Short tokens');
    await openTab(page, 'API console');
    await sendConsole(page, { path: '/db/_table/contacts?limit=1' });
    await expectText(consoleResponse(page).getByRole('status'), 'Status 200 OK');
    const firstTokenExpiresAt = signedIn.expiresAt ?? Date.now() + ttlSeconds * 1000;

    // Wait until the token DF issued at sign-in has certainly expired.
    await page.waitForTimeout(Math.max(0, firstTokenExpiresAt - Date.now()) + 500);
    expect(Date.now()).toBeGreaterThan(firstTokenExpiresAt);

    await sendConsole(page, { path: '/db/_table/contacts?limit=3' });
    const response = consoleResponse(page);
    await expectText(response.getByRole('region', { name: 'Response body' }), '"id": 3');
    await expectText(response.getByRole('status'), 'Status 200 OK');
    expect(await dialog(page, 'Sign in to Short tokens').count()).toBe(0);
    await waitForSidebarState(page, 'Short tokens', 'Dev', 'Active');
    expect(server.stats.refreshSuccesses).toBeGreaterThanOrEqual(1);
    expect(routeCount(server, userLoginRoute)).toBe(1);
    expect(harness.pageErrors).toEqual([]);
  });

  it('offers an in-place sign-in when the server revokes the session, keeping the typed request', async () => {
    const { page, desk } = harness;
    const server = await startServer();
    servers.push(server);
    const instance = await addInstance(desk, server, 'Revoked');
    await signInAsJane(desk, instance);
    await selectInstance(page, 'Revoked');
    await openTab(page, 'API console');
    const body = '{"resource": [{"first_name": "Grace", "last_name": "Hopper"}]}';
    const panel = await fillConsole(page, { method: 'POST', path: '/db/_table/contacts', body });

    server.revokeUser(jane.email);
    await panel.getByRole('button', { name: 'Send', exact: true }).click();

    const signIn = dialog(page, 'Sign in to Revoked');
    await signIn.waitFor();
    expect(server.requestLog.filter((entry) => entry.method === 'POST' && entry.path === '/api/v2/db/_table/contacts')).toHaveLength(1);
    await fillSignIn(signIn, jane.email, jane.password);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await signIn.waitFor({ state: 'detached' });

    // The view behind the dialog is as the user left it: same tab, same method, path and body.
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.getByLabel('JSON body', { exact: true }).inputValue()).toBe(body);
    expect(await panel.getByLabel('Method', { exact: true }).inputValue()).toBe('POST');
    await waitForSidebarState(page, 'Revoked', 'Dev', 'Active');

    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await expectText(consoleResponse(page).getByRole('status'), 'Status 200 OK');
    expect(routeCount(server, userLoginRoute)).toBe(2);
    expect(harness.pageErrors).toEqual([]);
  });
});
