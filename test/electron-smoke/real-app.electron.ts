/**
 * Smoke test of the real app (`npm run test:electron`, never part of `npm test`): the built main process,
 * preload and renderer in the real Electron binary, on a fresh profile, against the DF test server. A user adds
 * the instance and signs in with Remember me through the UI; DF Desk quits and starts again on the same profile
 * and the session is back from the OS keychain without the password. The window must run sandboxed with context
 * isolation. Without an Electron binary the suite is skipped (unless DF_DESK_REQUIRE_ELECTRON=1, as in CI).
 * The file name keeps it out of the unit suite's `*.test.ts` glob (vitest-configs.test.ts checks that).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { apiKey, jane, routeCount, startServer, userLoginRoute } from '../e2e/fixtures.ts';
import { dialog, expectText, fillSignIn, openTab, waitForSidebarState } from '../e2e/ui.ts';
import { findElectronBinary, noElectronLine, requireElectronVariable } from './electron-binary.ts';
import { type PrivateKeyring, startPrivateKeyring } from './keyring.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary();
if (!binary.available) {
  if (process.env[requireElectronVariable] === '1') {
    throw new Error(`${requireElectronVariable}=1, but there is no Electron binary: ${binary.reason}`);
  }
  console.log(`${noElectronLine} (${binary.reason})`);
}

interface RunningApp {
  app: ElectronApplication;
  page: Page;
}

/** The environment a user's shell would give: without what vitest or a parent Electron tool added. */
function userEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // vitest sets NODE_ENV=test, which would make vite bundle React's development build.
  delete env.NODE_ENV;
  // Inherited from a parent Electron tool, this would start Electron as plain Node and skip the app.
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function buildApp(): void {
  const onWindows = process.platform === 'win32';
  const result = spawnSync(onWindows ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], {
    cwd: repoRoot,
    encoding: 'utf8',
    shell: onWindows,
    env: userEnv(),
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

async function launchApp(dataDir: string, extraEnv: Record<string, string>): Promise<RunningApp> {
  const app = await _electron.launch({
    // As `npm start` does: the package directory, whose package.json "main" is the built main process.
    args: ['.'],
    cwd: repoRoot,
    env: { ...userEnv(), ...extraEnv, DF_DESK_DATA_DIR: dataDir },
    // Playwright adds --no-sandbox on Linux unless told otherwise; the point here is the real sandbox.
    chromiumSandbox: true,
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  page.setDefaultTimeout(15_000);
  return { app, page };
}

/** What the main process knows about the window's renderer: its pid and, on macOS/Windows, the OS sandbox. */
function rendererFacts(app: ElectronApplication) {
  return app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const pid = BrowserWindow.getAllWindows()[0]?.webContents.getOSProcessId() ?? 0;
    const metric = electronApp.getAppMetrics().find((entry) => entry.pid === pid);
    return { pid, osSandboxed: metric?.sandboxed ?? null, noSandboxSwitch: electronApp.commandLine.hasSwitch('no-sandbox') };
  });
}

/** What the page itself can reach: no Node, and the preload's bridge (contextBridge refuses to run without isolation). */
function pageFacts(page: Page) {
  return page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    const desk = scope.desk as { invoke?: unknown } | undefined;
    return { require: typeof scope.require, process: typeof scope.process, module: typeof scope.module, invoke: typeof desk?.invoke };
  });
}

describe.skipIf(!binary.available)('DF Desk in the real Electron binary', () => {
  let server: DfServer | undefined;
  let keyring: PrivateKeyring | undefined;
  let dataDir = '';
  let running: RunningApp | undefined;

  const closeApp = async () => {
    await running?.app.close();
    running = undefined;
  };

  beforeAll(async () => {
    buildApp();
    // Linux: a private Secret Service, never the developer's keyring. macOS/Windows: the user's keychain, which
    // the last test empties again by removing the instance.
    if (process.platform === 'linux') keyring = startPrivateKeyring();
    server = await startServer({ version: '7.4.2' });
    dataDir = await mkdtemp(join(tmpdir(), 'dfdesk-electron-'));
  });

  afterAll(async () => {
    await closeApp().catch(() => undefined);
    await server?.close();
    keyring?.stop();
    if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
  });

  it('adds the instance and signs in with Remember me through the UI', async () => {
    if (server === undefined) throw new Error('no DF test server');
    running = await launchApp(dataDir, keyring?.env ?? {});
    const { page } = running;
    await page.getByRole('button', { name: 'Add your first instance' }).click();
    const form = dialog(page, 'Add a DreamFactory instance');
    await form.getByLabel('Name', { exact: true }).fill('Local dev');
    await form.getByLabel('URL', { exact: true }).fill(server.url);
    await form.getByLabel('API key', { exact: true }).fill(apiKey);
    await form.getByRole('button', { name: 'Save instance' }).click();
    await form.waitFor({ state: 'detached' });

    const panel = await openTab(page, 'Session');
    const signIn = panel.getByRole('form', { name: 'Sign in to Local dev' });
    await fillSignIn(signIn, jane.email, jane.password);
    expect(await signIn.getByLabel('Remember me', { exact: true }).isChecked()).toBe(true);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitForSidebarState(page, 'Local dev', 'Dev', 'Active');
    await expectText(panel, jane.name, 'Forever session\nYes', 'System keychain');
    expect(routeCount(server, userLoginRoute)).toBe(1);
    await closeApp();
  });

  it('restores the session from the OS keychain after a restart, without the password', async () => {
    if (server === undefined) throw new Error('no DF test server');
    server.stats.reset();
    running = await launchApp(dataDir, keyring?.env ?? {});
    const { page } = running;
    await waitForSidebarState(page, 'Local dev', 'Dev', 'Active');
    await expectText(await openTab(page, 'Session'), jane.name, 'Forever session\nYes', 'System keychain');
    expect(routeCount(server, userLoginRoute)).toBe(0);

    // The secrets live in the keychain, not in the profile's settings file.
    const settings = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    expect(settings).toContain('Local dev');
    expect(settings).not.toContain(apiKey);
    expect(settings).not.toContain(jane.password);
  });

  it('runs the window sandboxed, with context isolation and no Node in the page', async () => {
    if (running === undefined) throw new Error('the app is not running');
    expect(await pageFacts(running.page)).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      invoke: 'function',
    });
    const facts = await rendererFacts(running.app);
    expect(facts.noSandboxSwitch).toBe(false);
    expect(facts.pid).toBeGreaterThan(0);
    if (process.platform === 'linux') {
      // Chromium's Linux sandbox confines every renderer with a seccomp-bpf filter (mode 2).
      expect(readFileSync(`/proc/${facts.pid}/status`, 'utf8')).toMatch(/^Seccomp:\s+2$/m);
    } else {
      expect(facts.osSandboxed).toBe(true);
    }
  });

  it('removing the instance through the UI deletes what it stored in the keychain', async () => {
    if (running === undefined) throw new Error('the app is not running');
    const { page } = running;
    // Linux: the app's own entries in the private keyring ("DF Desk" is the app's keychain service).
    expect(keyring?.accounts('DF Desk').length ?? 1).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Remove instance' }).click();
    await dialog(page, 'Remove Local dev?').getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByRole('button', { name: 'Add your first instance' }).waitFor();
    await closeApp();
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).not.toContain('Local dev');
    if (keyring !== undefined) expect(keyring.accounts('DF Desk')).toEqual([]);
  });
});
