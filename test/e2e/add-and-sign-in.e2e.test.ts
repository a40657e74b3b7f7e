// Journey: a new user adds their DF instance, tests the connection, saves it and signs in with Remember me.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { apiKey, jane, routeCount, startServer, userLoginRoute } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { dialog, expectText, fillSignIn, openTab, waitForSidebarState } from './ui.ts';

describe('adding an instance and signing in', () => {
  let server: DfServer;
  let harness: DeskHarness;

  beforeAll(async () => {
    server = await startServer({ version: '7.4.2' });
    harness = await launchDesk();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it('tests the connection: a wrong key fails its check, the right one passes every check', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Add your first instance' }).click();
    const form = dialog(page, 'Add a DreamFactory instance');
    await form.getByLabel('Name', { exact: true }).fill('Local dev');
    await form.getByLabel('URL', { exact: true }).fill(server.url);

    await form.getByLabel('API key', { exact: true }).fill('not-the-key');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const checks = form.getByRole('list', { name: 'Connection checks' });
    await expectText(checks.getByRole('listitem').filter({ hasText: 'API key accepted' }), '(failed)');
    await expectText(checks.getByRole('listitem').filter({ hasText: 'Server reachable' }), '(passed)');

    await form.getByLabel('API key', { exact: true }).fill(apiKey);
    await form.getByRole('button', { name: 'Test connection' }).click();
    const row = (label: string) => checks.getByRole('listitem').filter({ hasText: label });
    await expectText(row('API key accepted'), '(passed)');
    await expectText(row('Server reachable'), '(passed)');
    await expectText(row('DreamFactory API'), '(passed)');
    await expectText(row('DreamFactory version'), '(passed)', '7.4.2');
    await expectText(row('Remember me (forever sessions)'), '(passed)', 'On');
    await expectText(row('Sign-in attribute'), 'email');

    await form.getByRole('button', { name: 'Save instance' }).click();
    await form.waitFor({ state: 'detached' });
    await waitForSidebarState(page, 'Local dev', 'Dev', 'Signed out');
    await page.getByRole('heading', { level: 1, name: 'Local dev' }).waitFor();
    // The key went to the keychain; the UI (and anything the renderer holds) never sees it again.
    expect(await page.content()).not.toContain(apiKey);
  });

  it('signs in with Remember me and shows a forever session kept in the keychain', async () => {
    const { page, desk } = harness;
    const panel = await openTab(page, 'Session');
    const form = panel.getByRole('form', { name: 'Sign in to Local dev' });
    await fillSignIn(form, jane.email, jane.password);
    const rememberMe = form.getByLabel('Remember me', { exact: true });
    expect(await rememberMe.isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();

    await waitForSidebarState(page, 'Local dev', 'Dev', 'Active');
    const facts = panel.getByRole('definition');
    await expectText(panel, jane.name, jane.email);
    await expectText(panel, 'Forever session\nYes');
    await expectText(panel, 'System keychain');
    expect(await facts.count()).toBeGreaterThan(3);
    expect(routeCount(server, userLoginRoute)).toBe(1);

    const [instance] = await desk.api.instances.list();
    const status = await desk.api.session.status(instance?.id ?? '');
    expect(status).toMatchObject({ state: 'active', forever: true, persistence: 'keychain' });
    expect(harness.pageErrors).toEqual([]);
    expect(harness.unexpectedErrors).toEqual([]);
  });
});
