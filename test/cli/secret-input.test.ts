import { describe, expect, it } from 'vitest';
import { CliError } from '../../electron/cli/exit-codes.ts';
import { promptSecret, readSecretFromStdin, refusedSecretFlag } from '../../electron/cli/secret-input.ts';
import { capture, fakeTerminal, stdinOf } from './fixtures/cli-harness.ts';

describe('refusedSecretFlag', () => {
  it('refuses --password, --api-key and --token, with or without =value, and never repeats the value', () => {
    for (const argv of [
      ['login', 'dev', '--password', 's3cret'],
      ['login', 'dev', '--password=s3cret'],
      ['add', 'x', 'y', '--api-key=s3cret'],
      ['get', 'dev', '/x', '--token', 's3cret'],
      // A secret typed as the stdin flag's value: commander would echo the whole argument in its error.
      ['login', 'dev', '--password-stdin=s3cret'],
      ['add', 'x', 'y', '--api-key-stdin=s3cret'],
      ['login', 'dev', '--pw=s3cret'],
    ]) {
      const error = refusedSecretFlag(argv);
      expect(error, argv.join(' ')).toBeInstanceOf(CliError);
      expect(error?.exitCode).toBe(2);
      expect(error?.message).not.toContain('s3cret');
      expect(error?.message).toMatch(/never go on the command line/);
    }
  });

  it('lets the stdin flags, values and anything after -- through', () => {
    expect(refusedSecretFlag(['login', 'dev', '--password-stdin'])).toBeNull();
    expect(refusedSecretFlag(['add', 'x', 'y', '--api-key-stdin'])).toBeNull();
    expect(refusedSecretFlag(['get', 'dev', '/x', '--param', 'password=x'])).toBeNull();
    expect(refusedSecretFlag(['get', 'dev', '--', '--password'])).toBeNull();
  });
});

describe('readSecretFromStdin', () => {
  it('reads it all, dropping one trailing line break only', async () => {
    expect(await readSecretFromStdin(stdinOf('pa ss\n'), 'password')).toBe('pa ss');
    expect(await readSecretFromStdin(stdinOf('pass\r\n'), 'password')).toBe('pass');
    expect(await readSecretFromStdin(stdinOf('pass\n\n'), 'password')).toBe('pass\n');
  });

  it('refuses a terminal, where the secret would be echoed as it is typed (usage)', async () => {
    await expect(readSecretFromStdin(fakeTerminal(), 'password')).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('without echo') });
  });

  it('refuses empty input (usage)', async () => {
    await expect(readSecretFromStdin(stdinOf(''), 'password')).rejects.toMatchObject({ exitCode: 2, message: 'No password on stdin.' });
  });
});

describe('promptSecret', () => {
  it('asks on stderr and reads a line without echoing it', async () => {
    const terminal = fakeTerminal();
    const stderr = capture(true);
    const answer = promptSecret('Password for jane', terminal, stderr, '--password-stdin');
    terminal.write('hunter2\r');
    expect(await answer).toBe('hunter2');
    expect(stderr.text).toBe('Password for jane: \n');
    expect(terminal.rawModes[0]).toBe(true);
  });

  it('cancels on Ctrl+C (exit 130) and refuses an empty answer', async () => {
    const terminal = fakeTerminal();
    const cancelled = promptSecret('Password', terminal, capture(true), '--password-stdin');
    terminal.write('\u0003');
    await expect(cancelled).rejects.toMatchObject({ exitCode: 130 });
    const empty = fakeTerminal();
    const nothing = promptSecret('Password', empty, capture(true), '--password-stdin');
    empty.write('\r');
    await expect(nothing).rejects.toMatchObject({ exitCode: 2 });
  });

  it('without a terminal, points at the stdin flag instead of waiting', async () => {
    await expect(promptSecret('Password', stdinOf(''), capture(false), '--password-stdin')).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--password-stdin'),
    });
  });
});
