/**
 * On Linux the app under test stores its token through libsecret in a Secret Service. This starts the same
 * private session D-Bus with an unlocked gnome-keyring that `npm test` uses (scripts/start-keyring.sh), so the
 * smoke test never touches the developer's own keyring, and returns the variables that point the app at it.
 * The script is sourced in a bash child that exits at once; its daemons run on until stop() ends them by pid.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface PrivateKeyring {
  /** DBUS_SESSION_BUS_ADDRESS, XDG_RUNTIME_DIR and XDG_DATA_HOME for the app's environment. */
  env: Record<string, string>;
  /** Accounts stored under a keychain service, read with keytar in a child process bound to this bus. */
  accounts(service: string): string[];
  stop(): void;
}

const listAccounts = `
require('keytar').findCredentials(process.argv[1]).then(
  (found) => process.stdout.write(JSON.stringify(found.map((entry) => entry.account))),
  (error) => { process.stderr.write(String(error)); process.exit(1); },
);
`;

const printed = ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME', 'KR_DBUS_PID', 'KR_GK_PID'] as const;

function stopPid(pid: number): void {
  try {
    process.kill(pid);
  } catch {
    // Already gone.
  }
}

/** Throws (with the script's output) when the daemons do not come up; stop() also deletes their temp dir. */
export function startPrivateKeyring(): PrivateKeyring {
  // /tmp, not os.tmpdir(): a unix socket path is limited to 108 bytes and $TMPDIR can be long.
  const dir = mkdtempSync(join('/tmp', 'kr.'));
  const script = `source scripts/start-keyring.sh >&2 && printf '%s\\n' ${printed.map((name) => `"$${name}"`).join(' ')}`;
  const result = spawnSync('bash', ['-c', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, KR_DIR: dir },
    timeout: 30_000,
  });
  const values = result.stdout?.split('\n') ?? [];
  const [address, runtimeDir, dataHome, dbusPid, keyringPid] = values;
  const pids = [Number(keyringPid), Number(dbusPid)].filter((pid) => Number.isInteger(pid) && pid > 0);
  const stop = () => {
    for (const pid of pids) stopPid(pid);
    rmSync(dir, { recursive: true, force: true });
  };
  if (result.status !== 0 || !address || !runtimeDir || !dataHome || pids.length !== 2) {
    stop();
    const output = `${result.error?.message ?? ''}\n${result.stderr ?? ''}`.trim();
    throw new Error(`Could not start a private gnome-keyring (needs dbus and gnome-keyring):\n${output}`);
  }
  const env = { DBUS_SESSION_BUS_ADDRESS: address, XDG_RUNTIME_DIR: runtimeDir, XDG_DATA_HOME: dataHome };
  const accounts = (service: string) => {
    const output = execFileSync(process.execPath, ['-e', listAccounts, service], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 15_000,
    });
    return JSON.parse(output) as string[];
  };
  return { env, accounts, stop };
}
