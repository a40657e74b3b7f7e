// runCli's promises: one exit code per outcome, messages on stderr without secrets, the desk always disposed.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli-run.ts';
import type { CliDesk, CliHost } from '../../electron/cli/context.ts';
import { DeskError } from '../../shared/ipc/desk-error.ts';
import type { DeskErrorKind } from '../../shared/ipc/contract.ts';
import { capture, stdinOf } from './fixtures/cli-harness.ts';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJlc2lnbmF0dXJl';

/** A desk whose instance list fails with `failure`, counting disposals. */
function hostFailingWith(failure: unknown) {
  const counts = { opened: 0, disposed: 0 };
  const host: CliHost = {
    version: '1.2.3',
    platform: 'linux',
    appDefault: { dataDir: '/nowhere' },
    openDesk: async () => {
      counts.opened++;
      return {
        api: { instances: { list: () => Promise.reject(failure) } },
        dispose: async () => {
          counts.disposed++;
        },
      } as unknown as CliDesk;
    },
  };
  return { host, counts };
}

async function run(args: string[], failure: unknown = new Error('unused')) {
  const { host, counts } = hostFailingWith(failure);
  const stdout = capture(false);
  const stderr = capture(false);
  const code = await runCli(args, { stdin: stdinOf(), stdout, stderr, env: {}, cwd: '/' }, host);
  return { code, stdout: stdout.text, stderr: stderr.text, counts };
}

describe('runCli: exit codes', () => {
  it.each<[DeskErrorKind, number]>([
    ['session-ended', 3],
    ['bad-credentials', 3],
    ['not-found', 4],
    ['forbidden', 4],
    ['network', 5],
    ['tls', 5],
    ['invalid-input', 2],
    ['vault', 1],
  ])('a DeskError %s exits %i, with its message on stderr', async (kind, code) => {
    const result = await run(['instances'], new DeskError(kind, `It failed (${kind}).`));
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(`dfdesk: It failed (${kind}).`);
    expect(result.stdout).toBe('');
    expect(result.counts).toEqual({ opened: 1, disposed: 1 });
  });

  it('adds how to sign in to a 3', async () => {
    expect((await run(['instances'], new DeskError('session-ended', 'Ended.'))).stderr).toContain('dfdesk login');
  });

  it('an unexpected error exits 1 with the generic words, and no token from its message', async () => {
    const result = await run(['instances'], new Error(`boom session_token=${JWT}`));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Something went wrong inside DF Desk');
    expect(result.stderr).not.toContain(JWT);
  });

  it('commander’s usage errors exit 2 and open no desk', async () => {
    for (const args of [['nope'], ['login'], ['instances', '--bogus'], []]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.length).toBeGreaterThan(0);
      expect(result.counts.opened).toBe(0);
    }
  });

  it('--help and --version exit 0 on stdout; the help lists the exit codes', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).toContain('dfdesk token');
    const version = await run(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: '1.2.3\n' });
    expect(await run(['help', 'request'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--yes') });
    expect(await run(['token', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('<instance>') });
  });

  it('refuses a secret flag with 2 before parsing anything, never echoing its value', async () => {
    const result = await run(['login', 'dev', '--email', 'a@b.c', '--password=hunter2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--password is not accepted');
    expect(result.stderr).not.toContain('hunter2');
    expect(result.counts.opened).toBe(0);
  });
});
