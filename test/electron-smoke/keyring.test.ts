// The smoke test's private Secret Service on Linux (keyring.ts): it starts, really stores a secret, and stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startPrivateKeyring } from './keyring.ts';

const hasTools = () =>
  process.platform === 'linux' &&
  ['dbus-daemon', 'gnome-keyring-daemon'].every((tool) => spawnSync('which', [tool]).status === 0);

// keytar in a child process: it binds to the session bus from its environment at first use.
const roundTrip = `
const keytar = require('keytar');
(async () => {
  await keytar.setPassword('DF Desk smoke', 'probe', 'secret-value');
  const read = await keytar.getPassword('DF Desk smoke', 'probe');
  await keytar.deletePassword('DF Desk smoke', 'probe');
  process.stdout.write(String(read));
})().catch((error) => { process.stderr.write(String(error)); process.exit(1); });
`;

describe.skipIf(!hasTools())('startPrivateKeyring', () => {
  it('gives a bus whose Secret Service stores and returns a secret, and stop() ends it', () => {
    const keyring = startPrivateKeyring();
    try {
      expect(keyring.env.DBUS_SESSION_BUS_ADDRESS).toMatch(/^unix:path=\/tmp\/kr\./);
      const env = { ...process.env, ...keyring.env };
      const stored = execFileSync(process.execPath, ['-e', roundTrip], { env, encoding: 'utf8', timeout: 15_000 });
      expect(stored).toBe('secret-value');
      expect(keyring.accounts('DF Desk smoke')).toEqual([]);
      execFileSync(process.execPath, ['-e', "require('keytar').setPassword('DF Desk smoke', 'kept', 'v')"], { env });
      expect(keyring.accounts('DF Desk smoke')).toEqual(['kept']);
    } finally {
      keyring.stop();
    }
    expect(existsSync(keyring.env.XDG_RUNTIME_DIR ?? '')).toBe(false);
    const probe = spawnSync(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.ListNames'],
      { env: { ...process.env, ...keyring.env }, encoding: 'utf8', timeout: 5_000 },
    );
    expect(probe.status).not.toBe(0);
  });
});
