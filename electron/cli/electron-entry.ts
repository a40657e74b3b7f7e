/**
 * The packaged app as a command line: `df-desk --cli instances` runs one `dfdesk` command in the app's own
 * Electron and Node (the installers' `dfdesk` launcher does this; a packaged app has no separate Node, and its
 * runAsNode fuse is off). No window, no single-instance lock (the app may be running), no update checks; the
 * process exits with the command's code. Written against a narrow app shape, so it imports nothing from
 * electron and a Node test drives it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { internalErrorMessage } from '../../shared/ipc/names.ts';
import type { ConfLikeConstructor } from '../main/adapters/settings-store.ts';
import type { NetworkPort } from '../main/services/network/network-types.ts';
import { runCli } from './cli-run.ts';
import { deskOpener } from './host.ts';
import type { CliIo } from './io.ts';
import { flushed, processIo } from './io.ts';

export const CLI_FLAG = '--cli';

/** The part of Electron's `app` this uses. */
export interface CliElectronApp {
  getPath(name: 'userData' | 'logs'): string;
  setPath(name: 'sessionData', path: string): void;
  getVersion(): string;
  disableHardwareAcceleration(): void;
  exit(exitCode?: number): void;
  whenReady(): Promise<unknown>;
  /** macOS only. */
  readonly dock?: { hide(): void } | undefined;
}

export interface CliElectronOptions {
  /** What followed --cli. */
  args: readonly string[];
  settingsStore: ConfLikeConstructor;
  platform: NodeJS.Platform;
  io?: CliIo;
  /** Chromium's proxy settings and the system's CAs; read after ready (the default session exists only then). */
  network?: () => NetworkPort;
  /** Where uncaught errors come from (default: `process`). */
  errorSource?: { on(event: 'uncaughtException' | 'unhandledRejection', listener: () => void): unknown };
}

/**
 * The command line's own arguments: everything after --cli, without a leading `--` (which a launcher puts there
 * so Chromium reads none of the command's options as its own switches). Null when not started with --cli.
 */
export function cliArgs(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_FLAG);
  if (at === -1) return null;
  const rest = argv.slice(at + 1);
  return rest[0] === '--' ? rest.slice(1) : rest;
}

/** Runs the command, then `app.exit(code)`. Never rejects. */
export async function runCliInElectron(app: CliElectronApp, options: CliElectronOptions): Promise<void> {
  // No Dock icon for a command, and no GPU process for a window that never opens.
  app.dock?.hide();
  app.disableHardwareAcceleration();
  // Chromium keeps caches in sessionData (default: the app's data folder, where a running app has them open).
  const scratch = mkdtempSync(join(tmpdir(), 'df-desk-cli-'));
  app.setPath('sessionData', scratch);
  const io = options.io ?? processIo();
  // Electron would show an error dialog for these: a command line says it on stderr and exits instead.
  const crash = () => {
    io.stderr.write(`dfdesk: ${internalErrorMessage}\n`);
    app.exit(1);
  };
  const errors = options.errorSource ?? process;
  errors.on('uncaughtException', crash);
  errors.on('unhandledRejection', crash);
  const version = app.getVersion();
  let code = 1;
  try {
    let network: NetworkPort | undefined;
    if (options.network !== undefined) {
      await app.whenReady();
      network = options.network();
    }
    code = await runCli(options.args, io, {
      version,
      platform: options.platform,
      appDefault: { dataDir: app.getPath('userData'), logDir: app.getPath('logs') },
      openDesk: deskOpener({ version, settingsStore: options.settingsStore, ...(network === undefined ? {} : { network }) }),
    });
    await Promise.all([flushed(io.stdout), flushed(io.stderr)]);
  } catch {
    // runCli reports its own failures; this only keeps an unexpected one from leaving the app running.
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  app.exit(code);
}
