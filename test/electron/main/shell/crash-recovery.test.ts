import { EventEmitter } from 'node:events';
import type { Dialog, MessageBoxOptions, WebContents } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  type CrashWatchedContents,
  crashDialogOptions,
  crashNotice,
  createCrashPolicy,
  type ErrorEventSource,
  type GoneReason,
  logUncaughtErrors,
  quitButton,
  reloadAgainButton,
  watchRendererCrashes,
} from '../../../../electron/main/shell/crash-recovery.ts';
import { ManualClock } from '../../../fixtures/clocks.ts';
import { flush } from '../../../fixtures/waiting.ts';

describe('createCrashPolicy', () => {
  it('reloads, then asks on the third crash within a minute', () => {
    const clock = new ManualClock();
    const policy = createCrashPolicy({ clock });
    expect(policy.onGone('crashed')).toBe('reload');
    clock.t += 10_000;
    expect(policy.onGone('oom')).toBe('reload');
    clock.t += 10_000;
    expect(policy.onGone('killed')).toBe('ask');
    // Still inside the minute: it keeps asking rather than looping.
    clock.t += 1_000;
    expect(policy.onGone('crashed')).toBe('ask');
    expect(policy.recentCrashes()).toBe(4);
  });

  it('forgets crashes older than the window', () => {
    const clock = new ManualClock();
    const policy = createCrashPolicy({ clock, maxCrashes: 2, windowMs: 5_000 });
    expect(policy.onGone('crashed')).toBe('reload');
    clock.t += 5_000;
    expect(policy.onGone('crashed')).toBe('reload');
    clock.t += 4_999;
    expect(policy.onGone('crashed')).toBe('ask');
    expect(policy.recentCrashes()).toBe(2);
  });

  it('ignores a clean exit, and does not count it', () => {
    const policy = createCrashPolicy({ clock: new ManualClock(), maxCrashes: 2 });
    expect(policy.onGone('clean-exit')).toBe('ignore');
    expect(policy.onGone('clean-exit')).toBe('ignore');
    expect(policy.onGone('abnormal-exit')).toBe('reload');
  });
});

describe('messages', () => {
  it('tells the user what happened in words', () => {
    expect(crashNotice('oom')).toBe(
      "DF Desk's window stopped unexpectedly (it ran out of memory) and was reloaded. Nothing you saved was lost.",
    );
    expect(crashNotice('weird' as GoneReason)).toContain('(for an unknown reason)');
    const dialog = crashDialogOptions('crashed', 3);
    expect(dialog.buttons?.[reloadAgainButton]).toBe('Reload again');
    expect(dialog.buttons?.[quitButton]).toBe('Quit DF Desk');
    expect(dialog.cancelId).toBe(quitButton);
    expect(dialog.detail).toContain('3 times');
  });
});

function setup(answer: () => Promise<{ response: number }> = () => Promise.resolve({ response: reloadAgainButton })) {
  const clock = new ManualClock();
  const emitter = new EventEmitter();
  const reloads = vi.fn();
  let destroyed = false;
  const contents: CrashWatchedContents = {
    on: (event, listener) => emitter.on(event, listener),
    isDestroyed: () => destroyed,
    reload: reloads,
  };
  const notices: string[] = [];
  const lines: string[] = [];
  const asked: MessageBoxOptions[] = [];
  const quit = vi.fn();
  watchRendererCrashes({
    contents,
    clock,
    log: (line) => lines.push(line),
    onNotice: (message) => notices.push(message),
    showMessageBox: (options) => {
      asked.push(options);
      return answer();
    },
    quit,
  });
  const gone = (reason: GoneReason) => emitter.emit('render-process-gone', {}, { reason, exitCode: 139 });
  return { clock, gone, reloads, notices, lines, asked, quit, destroy: () => (destroyed = true) };
}

describe('watchRendererCrashes', () => {
  it('reloads the window and queues a notice on a crash', () => {
    const t = setup();
    t.gone('crashed');
    expect(t.reloads).toHaveBeenCalledOnce();
    expect(t.notices).toEqual([crashNotice('crashed')]);
    expect(t.lines).toEqual(["The window's renderer is gone (crashed, exit code 139); reloading."]);
    expect(t.asked).toEqual([]);
  });

  it('does nothing on a clean exit or once the window is destroyed', () => {
    const t = setup();
    t.gone('clean-exit');
    t.destroy();
    t.gone('crashed');
    expect(t.reloads).not.toHaveBeenCalled();
    expect(t.notices).toEqual([]);
  });

  it('asks after the third crash in a minute, and reloads when told to', async () => {
    const t = setup();
    t.gone('crashed');
    t.clock.t += 1_000;
    t.gone('crashed');
    t.clock.t += 1_000;
    t.gone('oom');
    expect(t.reloads).toHaveBeenCalledTimes(2);
    expect(t.asked).toHaveLength(1);
    expect(t.asked[0]?.detail).toContain('3 times');
    // Answered asynchronously: nothing happens until the user picks.
    await flush();
    expect(t.reloads).toHaveBeenCalledTimes(3);
    expect(t.notices).toHaveLength(2);
    expect(t.quit).not.toHaveBeenCalled();
  });

  it('quits when the user picks Quit, and asks only once while the question is open', async () => {
    let answer: (value: { response: number }) => void = () => undefined;
    const t = setup(() => new Promise((resolve) => (answer = resolve)));
    for (let i = 0; i < 4; i++) t.gone('crashed');
    expect(t.asked).toHaveLength(1);
    answer({ response: quitButton });
    await flush();
    expect(t.quit).toHaveBeenCalledOnce();
    expect(t.reloads).toHaveBeenCalledTimes(2);
  });

  it('quits when the question cannot be shown, rather than loop', async () => {
    const t = setup(() => Promise.reject(new Error('no display')));
    for (let i = 0; i < 3; i++) t.gone('launch-failed');
    await flush();
    expect(t.quit).toHaveBeenCalledOnce();
    expect(t.lines).toContain('Could not ask about the stopped window: Error: no display');
  });

  it('fits Electron: a WebContents is CrashWatchedContents, dialog.showMessageBox fits (checked by tsc)', () => {
    expectTypeOf<WebContents>().toExtend<CrashWatchedContents>();
    expectTypeOf<(options: MessageBoxOptions) => ReturnType<Dialog['showMessageBox']>>().toExtend<
      Parameters<typeof watchRendererCrashes>[0]['showMessageBox']
    >();
  });
});

describe('logUncaughtErrors', () => {
  function install() {
    const emitter = new EventEmitter();
    const lines: string[] = [];
    const boxes: Array<{ title: string; content: string }> = [];
    logUncaughtErrors(emitter as unknown as ErrorEventSource, {
      log: (line) => lines.push(line),
      showErrorBox: (title, content) => boxes.push({ title, content }),
    });
    return { emitter, lines, boxes };
  }

  it('logs an uncaught exception and shows one redacted box, however many follow', () => {
    const { emitter, lines, boxes } = install();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    emitter.emit('uncaughtException', new TypeError(`bad token ${jwt}`));
    emitter.emit('uncaughtException', new Error('again'));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('Uncaught error in the main process: Error: again');
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.title).toBe('DF Desk hit an unexpected error');
    expect(boxes[0]?.content).not.toContain(jwt);
    expect(boxes[0]?.content).toContain('DF Desk keeps running');
  });

  it('logs an unhandled rejection without a box', () => {
    const { emitter, lines, boxes } = install();
    emitter.emit('unhandledRejection', new Error('late failure'), Promise.resolve());
    emitter.emit('unhandledRejection', 'a string');
    expect(lines).toEqual([
      'Unhandled promise rejection in the main process: Error: late failure',
      'Unhandled promise rejection in the main process: non-error value thrown',
    ]);
    expect(boxes).toEqual([]);
  });

  it('survives an error box that throws', () => {
    const emitter = new EventEmitter();
    const lines: string[] = [];
    logUncaughtErrors(emitter as unknown as ErrorEventSource, {
      log: (line) => lines.push(line),
      showErrorBox: () => {
        throw new Error('not ready');
      },
    });
    expect(() => emitter.emit('uncaughtException', new Error('boom'))).not.toThrow();
    expect(lines).toContain('Could not show the error box: Error: not ready');
  });

  it('fits Node: process is an ErrorEventSource (checked by tsc)', () => {
    expectTypeOf<NodeJS.Process>().toExtend<ErrorEventSource>();
  });
});
