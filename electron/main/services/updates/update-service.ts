/**
 * DF Desk's own updates, over electron-updater's autoUpdater (the UpdaterLike port). A packaged build checks a
 * little after start and then every few hours, downloads what it finds in the background, and installs it
 * only when the user says "Restart now" (or, by electron-updater's default, when the app next quits). A
 * development build, or one without an updater, stays `disabled` and never touches the network.
 */
import type { UpdateStatus } from '../../../../shared/ipc/contract.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import type { Clock, TimerHandle, Timers } from '../../../../shared/df/clock.ts';
import { systemClock, systemTimers, unrefTimer } from '../../../../shared/df/clock.ts';
import type { Logger } from '../../ports.ts';
import {
  developmentBuildMessage,
  noFeedMessage,
  notReadyMessage,
  updateErrorMessage,
  updaterLogger,
} from './update-text.ts';
import type { DownloadProgress, UpdateFound, UpdaterLike } from './updater-port.ts';

export interface UpdateServiceOptions {
  /** Absent: this build does not update itself. */
  updater?: UpdaterLike;
  /** `false` (run from the sources): updates stay off whatever updater is passed. */
  packaged: boolean;
  logger: Logger;
  clock?: Clock;
  timers?: Timers;
  /** The first automatic check, after start; default 30 s, so a launch never waits on the update feed. */
  firstCheckAfterMs?: number;
  /** Between automatic checks; default 6 hours. 0: only the first one. */
  checkEveryMs?: number;
}

const defaultFirstCheckAfterMs = 30_000;
const defaultCheckEveryMs = 6 * 60 * 60_000;

type Listener = (status: UpdateStatus) => void;

export class UpdateService {
  private current: UpdateStatus;
  private readonly listeners = new Set<Listener>();
  private readonly updater: UpdaterLike | undefined;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly firstCheckAfterMs: number;
  private readonly checkEveryMs: number;
  private readonly detach: Array<() => void> = [];
  private timer: TimerHandle | undefined;
  /** The check in flight: a menu click during an automatic check waits for that one instead of starting another. */
  private pending: Promise<UpdateStatus> | null = null;
  /** The version found, which download-progress events do not repeat. */
  private foundVersion = '';
  private disposed = false;

  constructor(options: UpdateServiceOptions) {
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
    this.timers = options.timers ?? systemTimers;
    this.firstCheckAfterMs = options.firstCheckAfterMs ?? defaultFirstCheckAfterMs;
    this.checkEveryMs = options.checkEveryMs ?? defaultCheckEveryMs;
    if (!options.packaged || options.updater === undefined) {
      this.updater = undefined;
      this.current = { state: 'disabled', message: options.packaged ? noFeedMessage : developmentBuildMessage };
      return;
    }
    this.updater = options.updater;
    this.current = { state: 'idle' };
    this.updater.autoDownload = true;
    this.updater.autoInstallOnAppQuit = true;
    this.updater.logger = updaterLogger(this.logger);
    this.listen(this.updater);
  }

  status(): UpdateStatus {
    return { ...this.current };
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Arms the automatic checks (packaged builds only). */
  start(): void {
    if (this.updater === undefined || this.disposed || this.timer !== undefined) return;
    this.arm(this.firstCheckAfterMs);
  }

  /** Checks now and resolves with where updates stand after it; a failed check resolves with `error`. */
  checkNow(): Promise<UpdateStatus> {
    const updater = this.updater;
    if (updater === undefined || this.disposed) return Promise.resolve(this.status());
    // Found and downloading or downloaded: asking the feed again would only start the download over.
    if (this.busyWithFound()) return Promise.resolve(this.status());
    this.pending ??= this.runCheck(updater).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Quits and installs the downloaded update. Refused unless one is ready. */
  restartToUpdate(): void {
    if (this.updater === undefined || this.current.state !== 'ready') throw new DeskError('refused', notReadyMessage);
    this.logger.info(`Restarting to install DF Desk ${this.current.version}.`);
    this.updater.quitAndInstall();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    for (const off of this.detach.splice(0)) off();
    this.listeners.clear();
  }

  private busyWithFound(): boolean {
    const { state } = this.current;
    return state === 'available' || state === 'downloading' || state === 'ready';
  }

  private async runCheck(updater: UpdaterLike): Promise<UpdateStatus> {
    this.set({ state: 'checking' });
    try {
      await updater.checkForUpdates();
      // No event at all: electron-updater skipped the check (it does so when it thinks the app is unpacked).
      if (this.current.state === 'checking') this.fail(new Error('The update feed gave no answer.'));
    } catch (error) {
      this.fail(error);
    }
    return this.status();
  }

  private arm(ms: number): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.automaticCheck();
    }, ms);
    // A pending update check must never keep a process (a test, a script) alive on its own.
    unrefTimer(this.timer);
  }

  private async automaticCheck(): Promise<void> {
    const outcome = await this.checkNow();
    if (this.disposed || outcome.state === 'ready' || this.checkEveryMs <= 0) return;
    this.arm(this.checkEveryMs);
  }

  private listen(updater: UpdaterLike): void {
    const checking = () => this.set({ state: 'checking' });
    const available = (info: UpdateFound) => {
      this.foundVersion = info.version;
      this.set({ state: 'available', version: info.version });
    };
    const upToDate = () => this.set({ state: 'up-to-date', checkedAt: this.clock.now() });
    const progress = (info: DownloadProgress) => this.progress(info.percent);
    const downloaded = (info: UpdateFound) => {
      this.foundVersion = info.version;
      this.set({ state: 'ready', version: info.version });
    };
    const failed = (error: Error) => this.fail(error);
    updater.on('checking-for-update', checking);
    updater.on('update-available', available);
    updater.on('update-not-available', upToDate);
    updater.on('download-progress', progress);
    updater.on('update-downloaded', downloaded);
    updater.on('error', failed);
    this.detach.push(() => {
      updater.removeListener('checking-for-update', checking);
      updater.removeListener('update-available', available);
      updater.removeListener('update-not-available', upToDate);
      updater.removeListener('download-progress', progress);
      updater.removeListener('update-downloaded', downloaded);
      updater.removeListener('error', failed);
    });
  }

  private progress(percent: number): void {
    // Progress is never news once the update is downloaded; electron-updater may still report a last chunk.
    if (this.current.state === 'ready') return;
    const clamped = Number.isFinite(percent) ? Math.min(100, Math.max(0, Math.floor(percent))) : 0;
    this.set({ state: 'downloading', version: this.foundVersion, percent: clamped });
  }

  private fail(error: unknown): void {
    const message = updateErrorMessage(error);
    // electron-updater both emits `error` and rejects checkForUpdates for one failure: log it once.
    if (this.current.state === 'error' && this.current.message === message) return;
    this.logger.warn('Update check failed.', { error: error instanceof Error ? error.message : String(error) });
    // A downloaded update is still installable whatever went wrong afterwards (a later check, say).
    if (this.current.state === 'ready') return;
    this.set({ state: 'error', message });
  }

  private set(next: UpdateStatus): void {
    // Our own "checking" and electron-updater's checking-for-update event say the same thing once.
    if (this.disposed || JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    for (const listener of [...this.listeners]) {
      try {
        listener({ ...next });
      } catch (error) {
        this.logger.warn('An update listener failed.', { error: String(error) });
      }
    }
  }
}
