// Journeys: what the data browser says when the API key is wrong or the URL is not DreamFactory, and that fixing
// the key shows the data without a restart (item 15); browsing and the console as a guest, with the API key
// alone and the app's default role, then signing in (item 17).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { apiKey, jane, loggedRequests, startServer } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { consoleResponse, dialog, expectText, fillSignIn, openTab, selectInstance, sendConsole, waitForSidebarState } from './ui.ts';

const guestBadge = "Guest access — the app's default role, not signed in";

/** A web server that is not DreamFactory: an HTML page for every path. */
async function htmlSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><head><title>Welcome</title></head><body><h1>Our company</h1></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the data browser explains a wrong key or a wrong URL (item 15)', () => {
  let server: DfServer;
  let site: Awaited<ReturnType<typeof htmlSite>>;
  let harness: DeskHarness;

  beforeAll(async () => {
    [server, site] = await Promise.all([startServer(), htmlSite()]);
    harness = await launchDesk();
    await harness.desk.api.instances.add({ name: 'Wrong key', url: server.url, apiKey: 'not-the-key', tag: 'dev' });
    await harness.desk.api.instances.add({ name: 'Company site', url: site.url, apiKey, tag: 'dev' });
    await waitForSidebarState(harness.page, 'Wrong key', 'Dev', 'Signed out');
  });

  afterAll(async () => {
    await harness?.close();
    await Promise.all([server?.close(), site?.close()]);
  });

  it("item 15: a wrong API key shows DF's reason and where to fix it; the fixed key shows the data without a restart", async () => {
    const { page } = harness;
    await selectInstance(page, 'Wrong key');
    const panel = await openTab(page, 'Data');
    const alert = panel.getByRole('alert');
    await expectText(alert, 'DreamFactory did not accept the API key.', 'No session token (JWT) provided');
    await expectText(alert, 'Check the API key in Edit instance');
    expect(await panel.getByRole('button', { name: 'Reload', exact: true }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Edit instance' }).click();
    const form = dialog(page, 'Edit Wrong key');
    await form.getByLabel('API key', { exact: true }).fill(apiKey);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });

    // No Reload pressed, no restart: the changed instance reloads the browser.
    await panel.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    await expectText(panel.getByRole('region', { name: 'Records of contacts' }).getByRole('navigation'), 'of 50');
    expect(await panel.getByRole('alert').count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
    expect(harness.unexpectedErrors).toEqual([]);
  });

  it('item 15: a URL that serves a web page says it is not DreamFactory and to check the URL', async () => {
    const { page } = harness;
    await selectInstance(page, 'Company site');
    const panel = await openTab(page, 'Data');
    const alert = panel.getByRole('alert');
    await expectText(alert, 'Could not list the services.', 'Check the URL in Edit instance');
    expect(await alert.getAttribute('data-kind')).toBe('not-dreamfactory');
    expect(harness.pageErrors).toEqual([]);
  });
});

describe('guest access: data and console with the API key alone (item 17)', () => {
  let server: DfServer;
  let harness: DeskHarness;

  beforeAll(async () => {
    server = await startServer();
    harness = await launchDesk();
    await harness.desk.api.instances.add({ name: 'Public DF', url: server.url, apiKey, tag: 'dev' });
    await waitForSidebarState(harness.page, 'Public DF', 'Dev', 'Signed out');
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it('item 17: browses data and calls the console without signing in, marked as guest access', async () => {
    const { page } = harness;
    await selectInstance(page, 'Public DF');
    const session = await openTab(page, 'Session');
    await expectText(session.getByRole('region', { name: 'Guest access' }), guestBadge);

    const data = await openTab(page, 'Data');
    await expectText(data.getByRole('region', { name: 'Guest access' }), guestBadge, 'Sign in');
    await data.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    await expectText(data.getByRole('region', { name: 'Records of contacts' }).getByRole('navigation'), 'Rows 1–25 of 50');

    const consolePanel = await openTab(page, 'API console');
    await expectText(consolePanel.getByRole('region', { name: 'Guest access' }), guestBadge);
    await sendConsole(page, { path: '/db/_table/contacts?limit=2' });
    await expectText(consoleResponse(page).getByRole('status'), 'Status 200 OK');

    // No session at all: every request carried the API key and no token.
    const sent = server.requestLog.filter((entry) => entry.path.startsWith('/api/v2/db/'));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((entry) => entry.headers['x-dreamfactory-api-key'] === apiKey)).toBe(true);
    expect(sent.some((entry) => entry.headers['x-dreamfactory-session-token'] !== undefined)).toBe(false);
    expect(loggedRequests(server, 'POST', '/api/v2/user/session')).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  });

  it("item 17: Sign in from the guest note; the badge goes and requests carry the user's session", async () => {
    const { page } = harness;
    const data = await openTab(page, 'Data');
    await data.getByRole('region', { name: 'Guest access' }).getByRole('button', { name: 'Sign in' }).click();
    const signIn = dialog(page, 'Sign in to Public DF');
    await fillSignIn(signIn, jane.email, jane.password);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await signIn.waitFor({ state: 'detached' });
    await waitForSidebarState(page, 'Public DF', 'Dev', 'Active');
    await data.getByRole('region', { name: 'Guest access' }).waitFor({ state: 'detached' });

    const before = server.requestLog.length;
    await data.getByRole('button', { name: 'Reload', exact: true }).click();
    await expectText(data.getByRole('region', { name: 'Records of contacts' }).getByRole('navigation'), 'of 50');
    const reads = server.requestLog.slice(before).filter((entry) => entry.path.startsWith('/api/v2/db/_table/contacts'));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((entry) => typeof entry.headers['x-dreamfactory-session-token'] === 'string')).toBe(true);
    expect(harness.pageErrors).toEqual([]);
    expect(harness.unexpectedErrors).toEqual([]);
  });
});
