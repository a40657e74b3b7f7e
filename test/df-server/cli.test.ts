// The CLI starts a real server, prints its URL and stops on SIGTERM.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
// `node --import tsx` runs the CLI in one process (the tsx binary would add a supervising parent).
const NODE_ARGS = ['--import', 'tsx', 'test/df-server/cli.ts'];

describe('df-server CLI', () => {
  it('prints the URL, API key and demo credentials, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [...NODE_ARGS, '--port', '0', '--ttl', '60', '--forever', '--profile', 'latest'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1] !== undefined && output.includes('Press Ctrl+C')) {
            clearTimeout(timer);
            resolveUrl(match[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
      });
      expect(output).toContain('API key:   test-api-key');
      expect(output).toContain('jane@example.com / jane-password');
      const env = (await (await fetch(`${url}/api/v2/system/environment`)).json()) as {
        authentication: { allow_forever_sessions: boolean };
      };
      expect(env.authentication.allow_forever_sessions).toBe(true);
      const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('rejects unknown flags with usage and exit code 2', async () => {
    const child = spawn(process.execPath, [...NODE_ARGS, '--bogus'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolveExit) => child.on('exit', (exitCode) => resolveExit(exitCode)));
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown argument: --bogus');
    expect(stderr).toContain('Usage:');
  });
});
