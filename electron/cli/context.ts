/**
 * What every command gets: the streams, the output (pretty or JSON, known once the options are parsed), the
 * spinner, and the desk, opened on first use and disposed once at the end of the run (cli-run.ts), so no
 * timer or connection of it outlives the command.
 */
import type { Desk } from '../main/desk.ts';
import type { DataLocation } from './data-dir.ts';
import { chooseDataLocation } from './data-dir.ts';
import type { CliIo } from './io.ts';
import type { Output } from './output.ts';
import { createOutput } from './output.ts';
import type { Spinner } from './spinner.ts';
import { createSpinner } from './spinner.ts';

/** The part of the desk the command line uses: the app's API, plus the token accessor only `dfdesk token` uses. */
export type CliDesk = Pick<Desk, 'api' | 'cliTokens' | 'dispose'>;

/** Where the command line runs: plain Node (main.ts) or the packaged app started with --cli (electron-entry.ts). */
export interface CliHost {
  version: string;
  platform: NodeJS.Platform;
  /** The app's own data folder on this machine. */
  appDefault: DataLocation;
  openDesk(location: DataLocation): Promise<CliDesk>;
}

export interface GlobalOptions {
  json?: boolean;
  dataDir?: string;
}

export class CliContext {
  /** A command sets this when it succeeded as a command but the outcome is not "ok" (an HTTP error answer). */
  exitCode = 0;
  readonly spinner: Spinner;
  private opened: Promise<CliDesk> | null = null;
  private output: Output | null = null;

  constructor(
    readonly io: CliIo,
    readonly host: CliHost,
    private readonly globals: () => GlobalOptions,
  ) {
    this.spinner = createSpinner(io.stderr);
  }

  get out(): Output {
    this.output ??= createOutput({ ...this.io, json: this.globals().json });
    return this.output;
  }

  /** --json was given (not merely a pipe). */
  get jsonRequested(): boolean {
    return this.globals().json === true;
  }

  desk(): Promise<CliDesk> {
    this.opened ??= this.host.openDesk(
      chooseDataLocation({
        flag: this.globals().dataDir,
        env: this.io.env,
        cwd: this.io.cwd,
        platform: this.host.platform,
        appDefault: this.host.appDefault,
      }),
    );
    return this.opened;
  }

  /** Disposes the desk if one was opened. Never rejects: the command's own outcome is what counts. */
  async close(): Promise<void> {
    if (this.opened === null) return;
    const desk = await this.opened.catch(() => null);
    await desk?.dispose().catch(() => undefined);
  }
}
