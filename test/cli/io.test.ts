import { describe, expect, it } from 'vitest';
import { flushed, processIo, readAll } from '../../electron/cli/io.ts';
import { stdinOf } from './fixtures/cli-harness.ts';

describe('io', () => {
  it('is the process’s own streams', () => {
    const io = processIo();
    expect(io.stdout).toBe(process.stdout);
    expect(io.stderr).toBe(process.stderr);
    expect(io.stdin).toBe(process.stdin);
    expect(io.env).toBe(process.env);
    expect(io.cwd).toBe(process.cwd());
  });

  it('flushed waits for the stream to take what was written', async () => {
    const calls: string[] = [];
    await flushed({
      write: (chunk, callback) => {
        calls.push(chunk);
        setTimeout(() => callback?.(), 5);
        return false;
      },
    });
    expect(calls).toEqual(['']);
  });

  it('readAll reads a stream to its end as UTF-8', async () => {
    expect(await readAll(stdinOf('grüße\n'))).toBe('grüße\n');
    expect(await readAll(stdinOf(''))).toBe('');
  });
});
