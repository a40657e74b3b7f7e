import { describe, expect, it } from 'vitest';
import { createSpinner, type SpinnerTimers } from '../../electron/cli/spinner.ts';
import { capture } from './fixtures/cli-harness.ts';

/** Timers the test fires by hand. */
function handTimers() {
  const pending = new Map<number, { run: () => void; repeat: boolean }>();
  let next = 1;
  const timers: SpinnerTimers = {
    setTimeout: (run) => {
      pending.set(next, { run, repeat: false });
      return next++;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
    setInterval: (run) => {
      pending.set(next, { run, repeat: true });
      return next++;
    },
    clearInterval: (handle) => pending.delete(handle as number),
  };
  const fire = () => {
    for (const [id, timer] of [...pending]) {
      if (!timer.repeat) pending.delete(id);
      timer.run();
    }
  };
  return { timers, fire, pending };
}

describe('createSpinner', () => {
  it('shows nothing for a call quicker than the delay', async () => {
    const stream = capture(true);
    const { timers, pending } = handTimers();
    expect(await createSpinner(stream, { timers }).run('Working…', async () => 42)).toBe(42);
    expect(stream.text).toBe('');
    expect(pending.size).toBe(0);
  });

  it('draws after the delay, animates, and clears its line at the end', async () => {
    const stream = capture(true);
    const { timers, fire, pending } = handTimers();
    let finish: (value: string) => void = () => undefined;
    const running = createSpinner(stream, { timers }).run('Signing in…', () => new Promise<string>((resolve) => (finish = resolve)));
    fire();
    fire();
    expect(stream.text).toContain('Signing in…');
    expect(stream.text.match(/Signing in…/g)).toHaveLength(2);
    finish('done');
    expect(await running).toBe('done');
    expect(stream.text.endsWith('\r\u001b[K')).toBe(true);
    expect(pending.size).toBe(0);
  });

  it('passes a failure through and still clears', async () => {
    const stream = capture(true);
    const { timers, fire } = handTimers();
    const running = createSpinner(stream, { timers }).run('x', async () => {
      fire();
      throw new Error('boom');
    });
    await expect(running).rejects.toThrow('boom');
    expect(stream.text.endsWith('\r\u001b[K')).toBe(true);
  });

  it('never draws when stderr is not a terminal', async () => {
    const stream = capture(false);
    const { timers, pending } = handTimers();
    await createSpinner(stream, { timers }).run('x', async () => undefined);
    expect(pending.size).toBe(0);
    expect(stream.text).toBe('');
  });

  it('uses real, unref’d timers by default', async () => {
    const stream = capture(true);
    const spinner = createSpinner(stream, { delayMs: 1, intervalMs: 1 });
    await spinner.run('slow', () => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(stream.text).toContain('slow');
  });
});
