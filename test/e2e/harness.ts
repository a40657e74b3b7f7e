/**
 * Launches DF Desk for end-to-end tests without the Electron binary: the BUILT renderer in Debian Chromium,
 * served through the app:// handler (real CSP header), with the REAL main-process services (`createDesk`) bound
 * into the page the way the preload binds them: one invoke binding that runs `dispatch`, events pushed into
 * listeners that the in-page bridge (the same `createBridge`) registered. Only the IPC transport differs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type CreateDeskOptions, type Desk, createDesk } from '../../electron/main/desk.ts';
import { refusedSenderMessage } from '../../electron/main/ipc/router.ts';
import type { DeskEventName, DeskEvents } from '../../shared/ipc/contract.ts';
import { dispatch, refused } from '../../shared/ipc/dispatch.ts';
import { invokeBindingName, pushHookName } from './bridge-names.ts';
import { removeDeskData, vaultServiceFor } from './desk-data.ts';
import { pageBridgeScript } from './page-bridge-bundle.ts';
import { rendererBuildDir } from './renderer-build.ts';
import { serveRenderer } from './renderer-server.ts';

export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Reuse a data directory (e.g. to restart on it). Default: a fresh one, deleted again by close(). */
  dataDir?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** More createDesk options (an updater, app info) for journeys that need them. */
  desk?: Partial<CreateDeskOptions>;
}

export interface DeskHarness {
  page: Page;
  context: BrowserContext;
  desk: Desk;
  dataDir: string;
  /** Where the renderer is served (the stand-in for app://desk/). */
  appUrl: string;
  /** Uncaught page errors and console errors (CSP violations land here): a journey should end with none. */
  pageErrors: string[];
  /** Handler errors without a known kind, i.e. bugs that the renderer saw as "internal". */
  unexpectedErrors: unknown[];
  close(): Promise<void>;
}

function forwardEvents(desk: Desk, page: Page): () => void {
  const push = <E extends DeskEventName>(event: E, payload: DeskEvents[E]) => {
    page
      .evaluate(
        ([hookName, name, data]) => {
          const hook: unknown = Reflect.get(globalThis, hookName);
          if (typeof hook === 'function') hook(name, data);
        },
        [pushHookName, event, payload] as const,
      )
      // The page may be navigating or closed; Electron drops events to a gone window the same way.
      .catch(() => undefined);
  };
  const offSession = desk.api.onSessionChanged((status) => push('session.changed', status));
  const offInstances = desk.api.onInstancesChanged((instances) => push('instances.changed', instances));
  const offUpdate = desk.api.onUpdateChanged((status) => push('update.changed', status));
  return () => {
    offSession();
    offInstances();
    offUpdate();
  };
}

export async function launchDesk(options: LaunchOptions = {}): Promise<DeskHarness> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'dfdesk-e2e-')));
  const profileDir = await mkdtemp(join(tmpdir(), 'dfdesk-chromium-'));
  const cleanups: (() => Promise<void> | void)[] = [];
  const runCleanups = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch {
        // Best effort: one failed cleanup must not keep the others from running.
      }
    }
  };

  try {
    cleanups.push(() => rm(profileDir, { recursive: true, force: true }));
    if (ownsDataDir) cleanups.push(() => removeDeskData(dataDir));

    const desk = await createDesk({ ...options.desk, dataDir, vaultService: vaultServiceFor(dataDir) });
    cleanups.push(() => desk.dispose());

    const server = await serveRenderer(rendererBuildDir);
    cleanups.push(() => server.close());

    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: process.env.HEADFUL !== '1',
      args: chromiumArgs,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
      locale: 'en-US',
    });
    cleanups.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    // A missing element should fail a journey in seconds, not after Playwright's 30 s default.
    page.setDefaultTimeout(10_000);

    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // The renderer ships no favicon; Chromium asks for one anyway. Everything else counts.
      if (message.type() !== 'error' || message.location().url.endsWith('/favicon.ico')) return;
      pageErrors.push(`console: ${message.text()}`);
    });

    const unexpectedErrors: unknown[] = [];
    await page.exposeBinding(invokeBindingName, (source, channel: unknown, ...args: unknown[]) => {
      // The router's sender check, for this transport: only our page's main frame may call.
      let sameOrigin = false;
      try {
        sameOrigin = new URL(source.frame.url()).origin === server.origin;
      } catch {
        sameOrigin = false;
      }
      if (source.frame !== source.page.mainFrame() || !sameOrigin) return refused(refusedSenderMessage);
      if (args.length !== 1) {
        return { ok: false, error: { kind: 'invalid-input', message: 'Each call takes exactly one payload.' } };
      }
      return dispatch(desk.api, channel, args[0], { onUnexpectedError: (error) => unexpectedErrors.push(error) });
    });
    await page.addInitScript({ content: await pageBridgeScript() });
    cleanups.push(forwardEvents(desk, page));

    await page.goto(server.url);

    return {
      page,
      context,
      desk,
      dataDir,
      appUrl: server.url,
      pageErrors,
      unexpectedErrors,
      close: runCleanups,
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}
