/**
 * electron-updater's autoUpdater as the update service sees it: events the test emits by hand, and a
 * checkForUpdates whose answer the test decides (by default it resolves at once with no event, as
 * electron-updater does when it skips a check).
 */
import type { Logger } from '../../../../../electron/main/ports.ts';
import type {
  UpdaterEventName,
  UpdaterEvents,
  UpdaterLike,
  UpdaterLogger,
} from '../../../../../electron/main/services/updates/updater-port.ts';

type AnyListener = (...args: never[]) => void;

export class FakeUpdater implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: UpdaterLogger | null = null;
  checks = 0;
  installs = 0;
  /** What each checkForUpdates does, after counting it. */
  onCheck: (updater: FakeUpdater) => Promise<unknown> = async () => null;
  private readonly listeners = new Map<UpdaterEventName, Set<AnyListener>>();

  checkForUpdates(): Promise<unknown> {
    this.checks++;
    return this.onCheck(this);
  }

  quitAndInstall(): void {
    this.installs++;
  }

  on(event: UpdaterEventName, listener: AnyListener): unknown {
    const set = this.listeners.get(event) ?? new Set<AnyListener>();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  removeListener(event: UpdaterEventName, listener: AnyListener): unknown {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit<E extends UpdaterEventName>(event: E, ...args: Parameters<UpdaterEvents[E]>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: Parameters<UpdaterEvents[E]>) => void)(...args);
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

export interface LoggedLine {
  level: keyof Logger;
  message: string;
  fields?: Record<string, unknown>;
}

export function linesLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at = (level: keyof Logger) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(fields === undefined ? { level, message } : { level, message, fields });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
