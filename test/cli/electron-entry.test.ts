// The packaged app's --cli branch, driven with a fake `app` (no Electron binary needed): arguments, no window
// work, a throwaway sessionData folder, and app.exit with the command's code.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, describe, expect, it } from 'vitest';
import type { NetworkPort } from '../../electron/main/services/network/network-types.ts';
import type { ConfLikeConstructor } from '../../electron/main/adapters/settings-store.ts';
import { type CliElectronApp, cliArgs, runCliInElectron } from '../../electron/cli/electron-entry.ts';
import { capture, stdinOf } from './fixtures/cli-harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'dfdesk-electron-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function fakeApp() {
  const calls: string[] = [];
  const paths = new Map<string, string>();
  let exitCode: number | undefined;
  const app: CliElectronApp = {
    getPath: (name) => (name === 'userData' ? dataDir : join(dataDir, 'logs')),
    setPath: (name, path) => {
      paths.set(name, path);
      calls.push(`setPath ${name}`);
    },
    getVersion: () => '4.5.6',
    disableHardwareAcceleration: () => calls.push('disableHardwareAcceleration'),
    exit: (code) => {
      exitCode = code;
      calls.push(`exit ${code}`);
    },
    dock: { hide: () => calls.push('dock.hide') },
    whenReady: async () => {
      calls.push('whenReady');
    },
  };
  return { app, calls, paths, exitCode: () => exitCode };
}

async function runInApp(args: string[], network?: () => NetworkPort) {
  const fake = fakeApp();
  const stdout = capture(false);
  const stderr = capture(false);
  const errorSource = new EventEmitter();
  await runCliInElectron(fake.app, {
    args,
    settingsStore: Conf as unknown as ConfLikeConstructor,
    platform: 'linux',
    io: { stdin: stdinOf(), stdout, stderr, env: {}, cwd: dataDir },
    errorSource,
    ...(network === undefined ? {} : { network }),
  });
  return { ...fake, errorSource, stdout: stdout.text, stderr: () => stderr.text };
}

describe('cliArgs', () => {
  it('is null without --cli, and what follows it otherwise, without a leading --', () => {
    expect(cliArgs(['/opt/DF Desk/df-desk'])).toBeNull();
    expect(cliArgs(['/opt/DF Desk/df-desk', '--cli', 'instances'])).toEqual(['instances']);
    expect(cliArgs(['electron', '.', '--cli', '--', 'get', 'dev', '/x', '--json'])).toEqual(['get', 'dev', '/x', '--json']);
    expect(cliArgs(['df-desk', '--ozone-platform=headless', '--cli', '--', '--version'])).toEqual(['--version']);
  });
});

describe('runCliInElectron', () => {
  it('runs the command on the app’s data folder and exits with its code, opening no window', async () => {
    const run = await runInApp(['instances']);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.exitCode()).toBe(0);
    expect(run.calls).toEqual(['dock.hide', 'disableHardwareAcceleration', 'setPath sessionData', 'exit 0']);
    expect(existsSync(join(dataDir, 'logs', 'dfdesk.log'))).toBe(true);
  });

  it('keeps Chromium’s session data out of the app’s folder, and removes it afterwards', async () => {
    const run = await runInApp(['--version']);
    expect(run.stdout).toBe('4.5.6\n');
    const scratch = run.paths.get('sessionData') ?? '';
    expect(scratch.startsWith(tmpdir())).toBe(true);
    expect(existsSync(scratch)).toBe(false);
  });

  it('exits with a usage error’s code', async () => {
    const run = await runInApp(['login', 'dev', '--password=x']);
    expect(run.exitCode()).toBe(2);
    expect(run.stderr()).toContain('--password is not accepted');
  });

  it('turns an uncaught error into a line on stderr and exit 1, not an error dialog', async () => {
    const run = await runInApp(['--version']);
    run.errorSource.emit('uncaughtException', new Error('late'));
    expect(run.stderr()).toContain('dfdesk: Something went wrong inside DF Desk');
    expect(run.exitCode()).toBe(1);
  });

  it('with the app’s network, waits for ready (the default session exists only then) and routes through it', async () => {
    const asked: string[] = [];
    const network = (): NetworkPort => ({
      resolveProxy: async (url) => {
        asked.push(url);
        return 'DIRECT';
      },
      trustedCertificates: () => ({ pems: [], sources: {} as ReturnType<NetworkPort['trustedCertificates']>['sources'] }),
    });
    const run = await runInApp(['check', 'http://127.0.0.1:9'], network);
    expect(run.calls.indexOf('whenReady')).toBeGreaterThan(-1);
    expect(run.calls.indexOf('whenReady')).toBeLessThan(run.calls.indexOf('exit 5'));
    expect(asked).toEqual(['http://127.0.0.1:9/']);
  });
});
