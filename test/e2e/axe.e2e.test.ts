// axe-core on every main screen, in the light and the dark theme: a serious or critical violation fails the
// screen. The full list (moderate and minor too) is printed at the end, so a regression shows what changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { type AxeFinding, axeReport, blocking, describeFindings, runAxe } from './axe.ts';
import { addInstance, apiKey, jane, signInAsJane, startServer } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import {
  consoleResponse,
  dialog,
  expectText,
  fillSignIn,
  openForeverDoctor,
  openTab,
  selectInstance,
  sendConsole,
  waitForSidebarState,
  testConnectionInAddForm,
} from './ui.ts';

const themes = ['light', 'dark'] as const;

describe('axe on every main screen, light and dark', () => {
  const servers: DfServer[] = [];
  const report: { screen: string; theme: string; findings: AxeFinding[] }[] = [];
  let harness: DeskHarness;
  let dev: DfServer;

  /** Runs axe in both themes; returns the serious and critical findings (the caller asserts after cleaning up). */
  async function check(screen: string): Promise<string> {
    const { page } = harness;
    const failures: string[] = [];
    for (const theme of themes) {
      await page.emulateMedia({ colorScheme: theme });
      const findings = await runAxe(page);
      report.push({ screen, theme, findings });
      const bad = blocking(findings);
      if (bad.length > 0) failures.push(`${theme}:\n${describeFindings(bad)}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    return failures.length === 0 ? '' : `serious or critical axe violations on "${screen}"\n${failures.join('\n\n')}`;
  }

  beforeAll(async () => {
    servers.push(...(await Promise.all([startServer(), startServer(), startServer()])));
    dev = servers[0] as DfServer;
    harness = await launchDesk();
  });

  afterAll(async () => {
    console.log(`\naxe findings per screen and theme:\n${axeReport(report)}\n`);
    await harness?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('empty state', async () => {
    await harness.page.getByRole('heading', { name: 'Welcome to DF Desk' }).waitFor();
    const found = await check('empty state');
    expect(found).toBe('');
  });

  it('instance list (a signed-out instance selected)', async () => {
    const { page, desk } = harness;
    const [, staging, prod] = servers as [DfServer, DfServer, DfServer];
    const local = await addInstance(desk, dev, 'Local dev', 'dev');
    await desk.api.instances.update(local.id, { favorite: true });
    await addInstance(desk, staging, 'Staging EU', 'staging');
    const production = await addInstance(desk, prod, 'Production', 'prod');
    await desk.api.instances.add({ name: 'Side project', url: staging.url, apiKey, tag: 'other', color: '#7c3aed' });
    await signInAsJane(desk, local);
    await signInAsJane(desk, production);
    await waitForSidebarState(page, 'Local dev', 'Dev', 'Active');
    await selectInstance(page, 'Staging EU');
    await openTab(page, 'Session');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    const found = await check('instance list');
    expect(found).toBe('');
  });

  it('session panel', async () => {
    const { page } = harness;
    await selectInstance(page, 'Local dev');
    await openTab(page, 'Session');
    await expectText(page.getByRole('region', { name: 'Session' }), jane.name);
    const found = await check('session panel');
    expect(found).toBe('');
  });

  it('data browser', async () => {
    const { page } = harness;
    const data = await openTab(page, 'Data');
    await data.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    await expectText(data.getByRole('navigation', { name: 'Pages' }), 'Rows 1–25 of 50');
    const found = await check('data browser');
    expect(found).toBe('');
  });

  it('record editor', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Edit record 1', exact: true }).click();
    const editor = dialog(page, 'Edit record 1');
    await editor.waitFor();
    const found = await check('record editor');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(found).toBe('');
  });

  it('API console (response and history)', async () => {
    const { page } = harness;
    await openTab(page, 'API console');
    await sendConsole(page, { path: '/db/_table/contacts?limit=2' });
    await expectText(consoleResponse(page).getByRole('status'), 'Status 200 OK');
    const found = await check('API console');
    expect(found).toBe('');
  });

  it('sign-in dialog', async () => {
    const { page } = harness;
    dev.revokeUser(jane.email);
    await sendConsole(page, { path: '/db/_table/contacts?limit=1' });
    const signIn = dialog(page, 'Sign in to Local dev');
    await signIn.waitFor();
    await fillSignIn(signIn, jane.email, '');
    const found = await check('sign-in dialog');
    await signIn.getByLabel('Password', { exact: true }).fill(jane.password);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await signIn.waitFor({ state: 'detached' });
    expect(found).toBe('');
  });

  it('add-instance dialog with probe results', async () => {
    const { page } = harness;
    const form = await testConnectionInAddForm(page, { name: 'QA box', url: dev.url, apiKey });
    await expectText(form.getByRole('list', { name: 'Connection checks' }), 'Sign-in attribute');
    const found = await check('add-instance probe');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(found).toBe('');
  });

  it('production confirmation', async () => {
    const { page } = harness;
    await selectInstance(page, 'Production');
    const data = await openTab(page, 'Data');
    await data.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    await data.getByRole('button', { name: 'Delete record 3', exact: true }).click();
    const confirm = dialog(page, 'Delete record 3?');
    await confirm.waitFor();
    const found = await check('production confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(harness.pageErrors).toEqual([]);
    expect(found).toBe('');
  });

  it('forever-sessions doctor (forever off, Bitnami steps, facts)', async () => {
    const { page, desk } = harness;
    const off = await startServer({ allowForever: false });
    servers.push(off);
    const instance = await addInstance(desk, off, 'No forever');
    await signInAsJane(desk, instance);
    const doctor = await openForeverDoctor(page, 'No forever', 'bitnami-linux');
    await expectText(doctor, 'Forever sessions are off on this server.', 'What DF Desk does');
    await doctor.getByText('Still off on an early DreamFactory 2.0 build?').click();
    const found = await check('forever-sessions doctor');
    await doctor.getByRole('button', { name: 'Close dialog' }).click();
    expect(harness.pageErrors).toEqual([]);
    expect(found).toBe('');
  });
});
