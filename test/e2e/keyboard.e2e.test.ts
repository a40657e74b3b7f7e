// Journeys on the keyboard alone (issue 11, focus and keyboard): real focus and Tab order in Chromium, at
// 1024×700. Busy states are held open by a gate in front of the DF test server, so the test can look at the
// focus while a request is in flight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { ADMIN } from '../fixtures/users.ts';
import { apiKey, jane, serverClient, startServer } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { eventually, focused, type Gate, hasFocus, inView, startGate, tabsTo } from './keyboard-support.ts';
import { dialog, expectText, openTab, sidebarItem, waitForSidebarState } from './ui.ts';

/** Measured on the form before issue 11 (same journey, same build otherwise), for the report. */
const before = { apiKeyToTest: 11, nameToSave: 15, addInstanceToEmail: 4 };
const after = { apiKeyToTest: 1, nameToSave: 9, addInstanceToEmail: 0 };

describe('the keyboard journey: add an instance, test it, save it, sign in', () => {
  let server: DfServer;
  let gate: Gate;
  let harness: DeskHarness;

  beforeAll(async () => {
    server = await startServer();
    gate = await startGate(server.url);
    harness = await launchDesk({ viewport: { width: 1024, height: 700 } });
  });

  afterAll(async () => {
    await harness?.close();
    await gate?.close();
    await server?.close();
  });

  it('items 1, 3, 4, 11: Test connection keeps the focus, shows its results in view, and Escape still closes the dialog', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Add your first instance' }).focus();
    await page.keyboard.press('Enter');
    const form = dialog(page, 'Add a DreamFactory instance');
    expect(await hasFocus(form.getByLabel('Name', { exact: true }))).toBe(true);
    await page.keyboard.type('Local dev');
    await page.keyboard.press('Tab');
    await page.keyboard.type(gate.url);
    await page.keyboard.press('Tab');
    expect(await hasFocus(form.getByLabel('API key', { exact: true }))).toBe(true);
    await page.keyboard.type(apiKey);

    const test = form.getByRole('button', { name: 'Test connection' });
    const apiKeyToTest = await tabsTo(page, test);
    console.log(`Tabs from API key to Test connection: before ${before.apiKeyToTest}, after ${apiKeyToTest}`);
    expect(apiKeyToTest).toBe(after.apiKeyToTest);

    gate.hold(() => true);
    await page.keyboard.press('Enter');
    await gate.waitForHeld();
    // Busy, and still focused: a disabled button would have dropped the focus to the page body.
    expect(await test.getAttribute('aria-busy')).toBe('true');
    expect(await focused(page)).toBe('button Test connection');
    gate.release();

    const results = form.getByRole('region', { name: 'Connection test results' });
    await expectText(results.getByRole('list', { name: 'Connection checks' }), 'Sign-in attribute');
    await eventually(() => hasFocus(results), 'the results have the focus');
    expect(await inView(results)).toBe(true);
    await expectText(results.getByRole('status'), 'Connection test finished: no check failed.');

    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button Add your first instance');
  });

  it('item 4: the common path is short, and saving lands on the first sign-in field', async () => {
    const { page } = harness;
    await page.keyboard.press('Enter');
    const form = dialog(page, 'Add a DreamFactory instance');
    const name = form.getByLabel('Name', { exact: true });
    expect(await hasFocus(name)).toBe(true);
    await page.keyboard.type('Local dev');
    await page.keyboard.press('Tab');
    await page.keyboard.type(gate.url);
    await page.keyboard.press('Tab');
    await page.keyboard.type(apiKey);
    await name.focus();
    const nameToSave = await tabsTo(page, form.getByRole('button', { name: 'Save instance' }));
    console.log(`Tabs from Name to Save instance: before ${before.nameToSave}, after ${nameToSave}`);
    expect(nameToSave).toBe(after.nameToSave);
    // The preset colours are one radio group: the arrows pick, Tab leaves it.
    await form.getByRole('radio', { name: 'Preset blue' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await form.getByLabel('Color', { exact: true }).inputValue()).toBe('#0f8b8d');
    expect(await focused(page)).toBe('input Preset teal');
    await page.keyboard.press('Tab');
    expect(await hasFocus(form.getByLabel('Favourite', { exact: true }))).toBe(true);

    await form.getByLabel('API key', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await waitForSidebarState(page, 'Local dev', 'Dev', 'Signed out');
    const email = page.getByRole('tabpanel', { name: 'Session' }).getByLabel('Email', { exact: true });
    await eventually(() => hasFocus(email), 'the Email field has the focus');
    console.log(`Tabs from saving to Email: before ${before.addInstanceToEmail}, after ${after.addInstanceToEmail}`);
  });

  it('item 1: Sign in keeps the focus while busy, then hands it to the session', async () => {
    const { page } = harness;
    await page.keyboard.type(jane.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(jane.password);
    const form = page.getByRole('form', { name: 'Sign in to Local dev' });
    const signIn = form.getByRole('button', { name: 'Sign in', exact: true });
    // Remember me, the two audiences, then the button: the form's own order.
    expect(await tabsTo(page, signIn)).toBe(3);
    gate.hold((method, path) => method === 'POST' && path === '/api/v2/user/session');
    await page.keyboard.press('Enter');
    await gate.waitForHeld();
    expect(await signIn.getAttribute('aria-busy')).toBe('true');
    expect(await focused(page)).toBe('button Sign in');
    gate.release();
    await waitForSidebarState(page, 'Local dev', 'Dev', 'Active');
    await eventually(async () => (await focused(page)) === 'h2 Session', 'the Session heading has the focus');
    expect(harness.pageErrors).toEqual([]);
  });

  it('item 1: Ctrl+N from the workspace lands on the new instance’s view tab; from the sidebar, on its entry', async () => {
    const { page, desk } = harness;
    await desk.api.instances.add({ name: 'Second', url: server.url, apiKey, tag: 'staging' });
    await waitForSidebarState(page, 'Second', 'Staging', 'Signed out');
    await page.getByRole('button', { name: 'Edit instance' }).focus();
    await page.keyboard.press('Control+2');
    await page.getByRole('heading', { level: 1, name: 'Second' }).waitFor();
    await eventually(async () => (await focused(page)) === 'button Session', 'the Session tab has the focus');
    expect(await page.getByRole('tab', { name: 'Session' }).getAttribute('aria-selected')).toBe('true');

    await sidebarItem(page, 'Second').focus();
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { level: 1, name: 'Local dev' }).waitFor();
    await eventually(() => hasFocus(sidebarItem(page, 'Local dev')), 'the Local dev entry has the focus');
    expect(await focused(page)).not.toBe('body');
  });

  it('items 2, 5, 7: a save that ends the session; after the in-place sign-in the editor has the focus and no stale error', async () => {
    const { page } = harness;
    const panel = await openTab(page, 'Data');
    await panel.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    const records = panel.getByRole('region', { name: 'Records of contacts' });
    await expectText(records.getByRole('navigation', { name: 'Pages' }), 'of 50');
    await records.getByRole('button', { name: 'Edit record 1', exact: true }).click();
    const editor = dialog(page, 'Edit record 1');
    await editor.getByLabel('first_name', { exact: true }).fill('Grace');
    server.revokeUser(jane.email);
    const save = editor.getByRole('button', { name: 'Save record' });
    await save.focus();
    await page.keyboard.press('Enter');

    const signIn = dialog(page, 'Sign in to Local dev');
    await signIn.waitFor();
    // Item 5: the last login is filled in, as a regular user; the focus starts at the password.
    expect(await signIn.getByLabel('Email', { exact: true }).inputValue()).toBe(jane.email);
    expect(await signIn.getByRole('radio', { name: 'Regular user' }).isChecked()).toBe(true);
    await eventually(() => hasFocus(signIn.getByLabel('Password', { exact: true })), 'the password has the focus');
    await expectText(editor.getByRole('alert'), 'The record was not saved.');
    await page.keyboard.type(jane.password);
    await page.keyboard.press('Enter');
    await signIn.waitFor({ state: 'detached' });

    // Item 2: back in the editor, and Tab stays there (it used to jump behind it, to "Search instances").
    expect(await hasFocus(save)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await editor.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    // Item 7: the "sign in again" error is gone, the input is kept.
    expect(await editor.getByRole('alert').count()).toBe(0);
    await expectText(editor.getByRole('status'), 'Signed in again.');
    await save.focus();
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    const check = await serverClient(server);
    expect((await check.contacts('id = 1'))[0]?.first_name).toBe('Grace');
    expect(harness.pageErrors).toEqual([]);
  });

  it('item 5: an admin whose session ended is offered the admin sign-in again', async () => {
    const { page, desk } = harness;
    const [second] = (await desk.api.instances.list()).filter((instance) => instance.name === 'Second');
    await desk.api.session.signIn(second?.id ?? '', { email: ADMIN.email, password: ADMIN.password, rememberMe: true, admin: true });
    await sidebarItem(page, 'Second').click();
    await waitForSidebarState(page, 'Second', 'Staging', 'Active');
    const panel = await openTab(page, 'API console');
    server.revokeUser(ADMIN.email);
    await panel.getByLabel('Path', { exact: true }).fill('/system/admin');
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    const signIn = dialog(page, 'Sign in to Second');
    await signIn.waitFor();
    expect(await signIn.getByLabel('Email', { exact: true }).inputValue()).toBe(ADMIN.email);
    expect(await signIn.getByRole('radio', { name: 'System admin' }).isChecked()).toBe(true);
    await eventually(() => hasFocus(signIn.getByLabel('Password', { exact: true })), 'the password has the focus');
    await page.keyboard.press('Escape');
    await signIn.waitFor({ state: 'detached' });
    expect(await focused(page)).not.toBe('body');
    expect(harness.pageErrors).toEqual([]);
  });
});
