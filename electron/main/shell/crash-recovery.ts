/**
 * When the window's renderer dies, the main process (with the sessions and the keep-alive in it) is fine, so
 * the window is reloaded and the user is told once. A renderer that keeps dying would reload forever, so after
 * a few crashes in a short time the user is asked instead. Main-process errors nothing caught are logged.
 */
import type { MessageBoxOptions, RenderProcessGoneDetails } from 'electron';
import type { Clock } from '../../../shared/df/clock.ts';
import { redactText } from '../../../shared/secrets.ts';
import { describeError } from './describe-error.ts';

export type GoneReason = RenderProcessGoneDetails['reason'];
export type CrashDecision = 'reload' | 'ask' | 'ignore';

export interface CrashPolicyOptions {
  clock: Clock;
  /** This many crashes within `windowMs` (the latest included) ask the user instead of reloading. */
  maxCrashes?: number;
  windowMs?: number;
}

export interface CrashPolicy {
  onGone(reason: GoneReason): CrashDecision;
  /** Crashes within the window, as of the last onGone. */
  recentCrashes(): number;
}

export function createCrashPolicy(options: CrashPolicyOptions): CrashPolicy {
  const maxCrashes = options.maxCrashes ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  let recent: number[] = [];
  return {
    onGone(reason) {
      // A renderer that exited on purpose (the window closing, the app quitting) is no crash.
      if (reason === 'clean-exit') return 'ignore';
      const now = options.clock.now();
      // Not reset after the user chose to reload: a crash soon after asks again rather than looping.
      recent = [...recent.filter((at) => now - at < windowMs), now];
      return recent.length >= maxCrashes ? 'ask' : 'reload';
    },
    recentCrashes: () => recent.length,
  };
}

const reasonPhrases: Record<GoneReason, string> = {
  'clean-exit': 'it exited',
  'abnormal-exit': 'it exited with an error',
  killed: 'it was ended by the system',
  crashed: 'it crashed',
  oom: 'it ran out of memory',
  'launch-failed': 'it could not start',
  'integrity-failure': 'a code integrity check failed',
  'memory-eviction': 'the system reclaimed its memory',
};

export function describeGoneReason(reason: GoneReason): string {
  return reasonPhrases[reason] ?? 'for an unknown reason';
}

export function crashNotice(reason: GoneReason): string {
  return `DF Desk's window stopped unexpectedly (${describeGoneReason(reason)}) and was reloaded. Nothing you saved was lost.`;
}

export const reloadAgainButton = 0;
export const quitButton = 1;

/** The question once the window keeps stopping. Escape and closing the box mean Quit: reloading is what failed. */
export function crashDialogOptions(reason: GoneReason, crashes: number): MessageBoxOptions {
  return {
    type: 'error',
    title: 'DF Desk',
    message: "DF Desk's window keeps stopping",
    detail: `It stopped ${crashes} times in a short while (last time ${describeGoneReason(reason)}). Nothing you saved was lost. You can reload it once more, or quit and start DF Desk again later. The log has the details.`,
    buttons: ['Reload again', 'Quit DF Desk'],
    defaultId: reloadAgainButton,
    cancelId: quitButton,
    noLink: true,
  };
}

/** The webContents members the watcher uses (Electron's WebContents satisfies it). */
export interface CrashWatchedContents {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>) => void,
  ): unknown;
  isDestroyed(): boolean;
  reload(): void;
}

export interface CrashWatchOptions extends CrashPolicyOptions {
  contents: CrashWatchedContents;
  log: (message: string) => void;
  /** Queues the message for the renderer to show once it is back. */
  onNotice: (message: string) => void;
  /** dialog.showMessageBox in the app. */
  showMessageBox: (options: MessageBoxOptions) => Promise<{ response: number }>;
  quit: () => void;
}

/** Asks what to do; with no way to ask, quitting is the choice that cannot loop. */
async function askWhatNext(options: CrashWatchOptions, reason: GoneReason, crashes: number): Promise<'reload' | 'quit'> {
  try {
    const { response } = await options.showMessageBox(crashDialogOptions(reason, crashes));
    return response === reloadAgainButton ? 'reload' : 'quit';
  } catch (error) {
    options.log(`Could not ask about the stopped window: ${describeError(error)}`);
    return 'quit';
  }
}

export function watchRendererCrashes(options: CrashWatchOptions): void {
  const policy = createCrashPolicy(options);
  const { contents, log } = options;
  let asking = false;
  const reload = () => {
    if (!contents.isDestroyed()) contents.reload();
  };
  const ask = async (reason: GoneReason) => {
    asking = true;
    const choice = await askWhatNext(options, reason, policy.recentCrashes());
    asking = false;
    log(choice === 'reload' ? 'Reloading the window, as asked.' : 'Quitting after the window kept stopping.');
    if (choice === 'reload') reload();
    else options.quit();
  };
  contents.on('render-process-gone', (_event, details) => {
    const decision = policy.onGone(details.reason);
    if (decision === 'ignore') return;
    log(`The window's renderer is gone (${details.reason}, exit code ${details.exitCode}); ${decision === 'ask' ? 'asking what to do' : 'reloading'}.`);
    // A dead window sends nothing more while the question is open; this only guards a stray second event.
    if (asking || contents.isDestroyed()) return;
    if (decision === 'reload') {
      options.onNotice(crashNotice(details.reason));
      reload();
      return;
    }
    ask(details.reason).catch((error: unknown) => log(`Could not act on the stopped window: ${describeError(error)}`));
  });
}

/** The `process` events logUncaughtErrors listens to (Node's process satisfies it). */
export interface ErrorEventSource {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface UncaughtErrorOptions {
  log: (message: string) => void;
  /** dialog.showErrorBox in the app; called once, for the first uncaught exception. */
  showErrorBox: (title: string, content: string) => void;
}

/**
 * Electron's own handling of an uncaught main-process exception is an error box with the stack (file paths,
 * possibly a secret in a message) and carrying on; listening replaces that. This keeps the carrying on (the
 * sessions and the open window stay usable, and anything half-done fails on its own), logs the error, and
 * shows a redacted box for the first one only, so a repeating error cannot stack modal boxes. A rejection
 * nobody handled is only logged: they are mostly background work whose caller had gone, and Node's default
 * would turn each one into an uncaught exception.
 */
export function logUncaughtErrors(source: ErrorEventSource, options: UncaughtErrorOptions): void {
  let shown = false;
  source.on('uncaughtException', (error) => {
    options.log(`Uncaught error in the main process: ${describeError(error)}`);
    if (shown) return;
    shown = true;
    try {
      const message = error instanceof Error ? error.message : String(error);
      options.showErrorBox(
        'DF Desk hit an unexpected error',
        `${redactText(message)}\n\nDF Desk keeps running, and the error was written to the log. If something stops working, quit and start DF Desk again.`,
      );
    } catch (boxError) {
      // Throwing from here would come straight back to this listener.
      options.log(`Could not show the error box: ${describeError(boxError)}`);
    }
  });
  source.on('unhandledRejection', (reason) => {
    options.log(`Unhandled promise rejection in the main process: ${describeError(reason)}`);
  });
}
