import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(() => {
  child?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function waitForOutput(proc: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(marker)) resolve(out);
    });
    proc.on('exit', (code) => reject(new Error(`demo exited with ${code} before printing "${marker}":\n${out}`)));
  });
}

describe('npm run demo -- --no-app', () => {
  it('starts a DF-compatible server, prints its URL and credentials, and registers it in the demo profile', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'df-desk-demo-test-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--no-app'], {
      cwd: root,
      env: { ...process.env, DF_DESK_DEMO_PORT: '0', DF_DESK_DATA_DIR: dataDir },
    });
    const out = await waitForOutput(child, 'Demo server running');
    const url = /URL:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    expect(out).toContain('jane@example.com / jane-password');
    expect(out).toContain('API key:  test-api-key');

    const environment = (await (await fetch(`${url}/api/v2/system/environment`)).json()) as {
      authentication: { allow_forever_sessions: boolean };
    };
    expect(environment.authentication.allow_forever_sessions).toBe(true);

    const settingsFile = readdirSync(dataDir).find((f) => f.endsWith('.json'));
    expect(settingsFile).toBeDefined();
    const settings = readFileSync(join(dataDir, settingsFile!), 'utf8');
    expect(settings).toContain(url);
    expect(settings).not.toContain('test-api-key');
  }, 30_000);
});
