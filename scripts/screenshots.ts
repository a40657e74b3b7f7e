/**
 * `npx tsx scripts/screenshots.ts`: PNGs of DF Desk's main screens for docs/screenshots/, taken from the BUILT
 * renderer with the real main-process services (the e2e harness) against DF test servers on loopback.
 * `--out DIR` writes elsewhere. Run it under a keyring (scripts/start-keyring.sh), or the shots show the
 * "keychain not available" banner. Exits 1 when the page reported errors while shooting.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { DfServer } from '../test/df-server/index.ts';
import { addInstance, apiKey, jane, signInAsJane, startServer } from '../test/e2e/fixtures.ts';
import { launchDesk } from '../test/e2e/harness.ts';
import { ensureRendererBuilt, repoRoot } from '../test/e2e/renderer-build.ts';
import {
  consoleResponse,
  dialog,
  expectText,
  fillConsole,
  fillSignIn,
  openForeverDoctor,
  openTab,
  selectInstance,
  sendConsole,
  waitForSidebarState,
  testConnectionInAddForm,
} from '../test/e2e/ui.ts';

export const defaultOutDir = join(repoRoot, 'docs', 'screenshots');

export const screenshotNames = [
  'session-panel',
  'data-browser',
  'data-browser-dark',
  'data-browser-1024',
  'api-console',
  'sign-in-dialog',
  'add-instance-probe',
  'prod-instance',
  'prod-confirm',
  'forever-doctor',
] as const;
export type ScreenshotName = (typeof screenshotNames)[number];

/** The window every shot is taken in, except the small-window one. */
export const defaultViewport = { width: 1280, height: 800 } as const;
/** A small laptop's window: the data browser pins the key column and Edit/Delete and cuts long values. */
export const smallViewport = { width: 1024, height: 700 } as const;

/** The size of each shot, in CSS pixels (the PNG's own size). */
export function screenshotSize(name: ScreenshotName): { width: number; height: number } {
  return name === 'data-browser-1024' ? smallViewport : defaultViewport;
}

export interface ScreenshotRun {
  written: string[];
  /** Page errors seen while shooting (CSP violations, uncaught errors): a clean run has none. */
  pageErrors: string[];
  keychain: boolean;
}

/** Writes every screen in `screenshotNames` as `<outDir>/<name>.png`. Assumes build/renderer is current. */
export async function takeScreenshots(outDir: string = defaultOutDir, log: (line: string) => void = () => undefined): Promise<ScreenshotRun> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  async function shoot(page: Page, name: ScreenshotName): Promise<void> {
    // Let React settle and any spinner finish before the shot.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(150);
    const path = join(outDir, `${name}.png`);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    written.push(path);
    log(`[screenshots] wrote ${path}`);
  }

  const servers: DfServer[] = await Promise.all([
    startServer({ version: '7.4.2' }),
    startServer({ version: '7.4.2' }),
    startServer({ version: '7.4.2' }),
  ]);
  const [dev, staging, prod] = servers as [DfServer, DfServer, DfServer];
  const harness = await launchDesk({ viewport: defaultViewport });
  try {
    const { page, desk } = harness;
    const keychain = (await desk.api.vault.health()).mode === 'keychain';
    if (!keychain) log('[screenshots] No usable keychain: run under scripts/start-keyring.sh for clean shots.');
    const local = await addInstance(desk, dev, 'Local dev', 'dev');
    await desk.api.instances.update(local.id, { favorite: true });
    const stagingEu = await addInstance(desk, staging, 'Staging EU', 'staging');
    const production = await addInstance(desk, prod, 'Production', 'prod');
    await signInAsJane(desk, local);
    await signInAsJane(desk, production);
    await waitForSidebarState(page, 'Local dev', 'Dev', 'Active');

    // Session panel of a healthy, remembered session.
    await selectInstance(page, 'Local dev');
    await openTab(page, 'Session');
    await expectText(page.getByRole('region', { name: 'Session' }), jane.name);
    await shoot(page, 'session-panel');

    // Data browser: db → contacts.
    const data = await openTab(page, 'Data');
    await data.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    await expectText(data.getByRole('navigation', { name: 'Pages' }), 'Rows 1–25 of 50');
    await shoot(page, 'data-browser');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'data-browser-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(smallViewport);
    await shoot(page, 'data-browser-1024');
    await page.setViewportSize(defaultViewport);

    // API console with a response.
    await openTab(page, 'API console');
    await sendConsole(page, { path: '/db/_table/contacts?limit=2' });
    await expectText(consoleResponse(page).getByRole('status'), 'Status 200 OK');
    await shoot(page, 'api-console');

    // In-place sign-in after the server revoked the session; the typed request stays behind the dialog.
    await fillConsole(page, {
      method: 'POST',
      path: '/db/_table/contacts',
      body: '{"resource": [{"first_name": "Grace", "last_name": "Hopper"}]}',
    });
    dev.revokeUser(jane.email);
    await page.getByRole('tabpanel', { name: 'API console' }).getByRole('button', { name: 'Send', exact: true }).click();
    const signIn = dialog(page, 'Sign in to Local dev');
    await signIn.waitFor();
    await fillSignIn(signIn, jane.email, '');
    await shoot(page, 'sign-in-dialog');
    await signIn.getByLabel('Password', { exact: true }).fill(jane.password);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await signIn.waitFor({ state: 'detached' });

    // Instance list plus the add form with the connection checklist.
    const form = await testConnectionInAddForm(page, { name: 'QA box', url: staging.url, apiKey });
    await expectText(form.getByRole('list', { name: 'Connection checks' }), 'Sign-in attribute');
    await shoot(page, 'add-instance-probe');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // A production instance: red chrome, and a write that asks first.
    await selectInstance(page, 'Production');
    await openTab(page, 'Session');
    await shoot(page, 'prod-instance');
    const prodData = await openTab(page, 'Data');
    await prodData.getByRole('list', { name: 'Tables' }).getByRole('button', { name: 'contacts', exact: true }).click();
    await prodData.getByRole('button', { name: 'Delete record 3', exact: true }).click();
    await dialog(page, 'Delete record 3?').waitFor();
    await shoot(page, 'prod-confirm');
    await dialog(page, 'Delete record 3?').getByRole('button', { name: 'Cancel' }).click();

    // The forever-sessions doctor on a server that ignores Remember me, with the Bitnami steps.
    staging.setAllowForever(false);
    await signInAsJane(desk, stagingEu);
    const doctor = await openForeverDoctor(page, 'Staging EU', 'bitnami-linux');
    await expectText(doctor, 'Forever sessions are off on this server.', '/opt/bitnami/php/bin/php artisan config:clear');
    await shoot(page, 'forever-doctor');
    await doctor.getByRole('button', { name: 'Close dialog' }).click();

    return { written, pageErrors: [...harness.pageErrors], keychain };
  } finally {
    await harness.close();
    await Promise.all(servers.map((server) => server.close()));
  }
}

async function main(): Promise<void> {
  const outArg = process.argv.indexOf('--out');
  const outDir = outArg === -1 ? defaultOutDir : resolve(process.argv[outArg + 1] ?? defaultOutDir);
  ensureRendererBuilt((line) => console.log(line));
  const run = await takeScreenshots(outDir, (line) => console.log(line));
  if (run.pageErrors.length > 0) {
    console.error('[screenshots] the page reported errors:', run.pageErrors);
    process.exitCode = 1;
  }
}

// Run only when invoked as a script, not when a test imports takeScreenshots.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
