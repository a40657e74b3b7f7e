import { describe, expect, it } from 'vitest';
import { type CliDesk, CliContext, type CliHost } from '../../electron/cli/context.ts';
import type { DataLocation } from '../../electron/cli/data-dir.ts';
import { capture, stdinOf } from './fixtures/cli-harness.ts';

function hostRecording(dispose: () => Promise<void> = async () => undefined) {
  const opened: DataLocation[] = [];
  let disposed = 0;
  const host: CliHost = {
    version: '1.0.0',
    platform: 'linux',
    appDefault: { dataDir: '/app/data', logDir: '/app/logs' },
    openDesk: async (location) => {
      opened.push(location);
      return {
        api: {},
        cliTokens: {},
        dispose: () => {
          disposed++;
          return dispose();
        },
      } as unknown as CliDesk;
    },
  };
  return { host, opened, disposed: () => disposed };
}

const io = (env: Record<string, string> = {}) => ({ stdin: stdinOf(), stdout: capture(false), stderr: capture(false), env, cwd: '/here' });

describe('CliContext', () => {
  it('opens the desk once, on first use, in the chosen folder, and disposes it once', async () => {
    const { host, opened, disposed } = hostRecording();
    const ctx = new CliContext(io(), host, () => ({ dataDir: 'rel' }));
    await ctx.close();
    expect(opened).toEqual([]);
    const [first, second] = await Promise.all([ctx.desk(), ctx.desk()]);
    expect(first).toBe(second);
    expect(opened).toEqual([{ dataDir: '/here/rel' }]);
    await ctx.close();
    expect(disposed()).toBe(1);
  });

  it('uses the app’s folder (and logs) without a choice, and never rejects on close', async () => {
    const { host, opened } = hostRecording(() => Promise.reject(new Error('dispose failed')));
    const ctx = new CliContext(io(), host, () => ({}));
    await ctx.desk();
    expect(opened).toEqual([{ dataDir: '/app/data', logDir: '/app/logs' }]);
    await expect(ctx.close()).resolves.toBeUndefined();
  });

  it('builds its output from the options once they are parsed', () => {
    const { host } = hostRecording();
    let json = false;
    const ctx = new CliContext({ ...io(), stdout: capture(true) }, host, () => ({ json }));
    json = true;
    expect(ctx.out.json).toBe(true);
    expect(ctx.jsonRequested).toBe(true);
    expect(ctx.exitCode).toBe(0);
  });
});
