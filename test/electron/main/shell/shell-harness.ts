/**
 * Starts the real shell (startShell) against the fake electron module, with a real desk in a temp data
 * directory (memory vault, conf store) and a renderer folder laid out as the build lays it out.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { expect, vi } from 'vitest';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';
import type { ConfLikeOptions } from '../../../../electron/main/adapters/settings-store.ts';
import { type CreateDeskOptions, createDesk, type Desk } from '../../../../electron/main/desk.ts';
import { buildLayout } from '../../../../electron/main/shell/paths.ts';
import { type ShellOptions, type ShellOutcome, startShell } from '../../../../electron/main/shell/start-shell.ts';
import { FakeUpdater } from '../services/updates/fake-updater.ts';
import { createFakeElectron, type FakeElectron } from './fake-electron.ts';

/** Stands for electron-store: the shell must hand the desk the class the entry gives it. */
export class TestSettingsStore extends Conf {
  constructor(options: ConfLikeOptions) {
    super(options);
  }
}

export interface LaunchOptions extends Partial<Pick<ShellOptions, 'env' | 'platform' | 'createDesk' | 'errorSource'>> {
  gotLock?: boolean;
  packaged?: boolean;
}

export interface LaunchedShell {
  fake: FakeElectron;
  outcome: Promise<ShellOutcome>;
  /** Lines that went to the fallback sink (stderr in the app). */
  fallback: string[];
  deskOptions: CreateDeskOptions[];
  desk(): Desk | undefined;
  dataDir: string;
  rendererDir: string;
  logLines(): Array<{ level: string; message: string }>;
}

const roots: string[] = [];
const launched: LaunchedShell[] = [];

/** For afterEach: disposes every desk the shells created (dispose is idempotent), then removes their folders. */
export async function cleanUpShells(): Promise<void> {
  for (const shell of launched.splice(0)) await shell.desk()?.dispose();
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function launchShell(options: LaunchOptions = {}): LaunchedShell {
  const root = mkdtempSync(join(tmpdir(), 'df-shell-'));
  roots.push(root);
  const dataDir = join(root, 'user-data');
  const rendererDir = join(root, buildLayout.rendererDir);
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>DF Desk</title>');

  const fake = createFakeElectron({ gotLock: options.gotLock, userData: dataDir, packaged: options.packaged });
  const fallback: string[] = [];
  const deskOptions: CreateDeskOptions[] = [];
  let desk: Desk | undefined;
  const realDesk = async (deskOptionsGiven: CreateDeskOptions) => {
    fake.journal.push('createDesk');
    deskOptions.push(deskOptionsGiven);
    const created = await createDesk({ ...deskOptionsGiven, vault: createMemoryVault() });
    desk = {
      ...created,
      dispose: () => {
        fake.journal.push('desk.dispose');
        return created.dispose();
      },
    };
    return desk;
  };

  const outcome = startShell(fake.electron, {
    mainBundleDir: join(root, buildLayout.mainDir),
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    settingsStore: TestSettingsStore,
    createDesk: options.createDesk ?? realDesk,
    fallbackSink: (line) => fallback.push(line),
    // Never the test process's own: vitest reports uncaught errors itself.
    errorSource: options.errorSource ?? new EventEmitter(),
    // electron-updater pulls in the electron module, whose Node entry would try to download the binary.
    loadUpdater: async () => new FakeUpdater(),
  });

  const logFile = join(dataDir, 'logs', 'desk.log');
  const shell: LaunchedShell = {
    fake,
    outcome,
    fallback,
    deskOptions,
    desk: () => desk,
    dataDir,
    rendererDir,
    logLines: () =>
      existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as { level: string; message: string })
        : [],
  };
  launched.push(shell);
  return shell;
}

/** Emits will-quit as Electron does and waits until the quit guard lets the app quit (after the desk disposed). */
export async function quit(shell: LaunchedShell): Promise<{ prevented: number }> {
  const quits = () => shell.fake.journal.filter((entry) => entry === 'app.quit').length;
  const before = quits();
  let prevented = 0;
  shell.fake.emit('will-quit', { preventDefault: () => prevented++ });
  await vi.waitFor(() => expect(quits()).toBeGreaterThan(before));
  return { prevented };
}
