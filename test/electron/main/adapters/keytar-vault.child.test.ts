/**
 * The keychain-unusable cases, for real: keytar in a child process whose D-Bus session is missing, broken,
 * has no Secret Service, or has a gnome-keyring whose login collection is missing or locked. Each must end
 * in "session-only" mode with the right plain reason, and the app keeps working (a secret still
 * round-trips in memory).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivateKeyring, PrivateKeyringMode } from './fixtures/private-keyring.ts';
import { startPrivateKeyring } from './fixtures/private-keyring.ts';
import { runVaultProbe } from './fixtures/run-probe.ts';

let emptyRuntimeDir: string;
beforeAll(() => {
  emptyRuntimeDir = mkdtempSync(join(tmpdir(), 'norun-'));
});
afterAll(() => rmSync(emptyRuntimeDir, { recursive: true, force: true }));

/** No bus anywhere: GIO would otherwise find $XDG_RUNTIME_DIR/bus, so that points at an empty dir too. */
function envWithoutBus(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: emptyRuntimeDir };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.DISPLAY;
  return { ...env, ...extra };
}

describe('openSecretVault without a usable keychain (child process, real keytar)', () => {
  it('no D-Bus session bus and no DISPLAY → session-only, "No D-Bus session bus"', async () => {
    const out = await runVaultProbe(envWithoutBus());
    expect(out.health.mode).toBe('session-only');
    expect(out.health.reason).toBe('No D-Bus session bus is running, so the system keychain cannot be reached.');
    expect(out.health.fix).toMatch(/sudo apt install gnome-keyring libsecret-1-0/);
    expect(out.roundTrip).toBe(true);
    expect(out.warnings).toEqual(['The system keychain is not usable; secrets are kept for this session only.']);
  });

  it('DBUS_SESSION_BUS_ADDRESS pointing nowhere → session-only, bus cannot be reached', async () => {
    const out = await runVaultProbe(
      envWithoutBus({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(emptyRuntimeDir, 'no-such-bus')}` }),
    );
    expect(out.health.mode).toBe('session-only');
    expect(out.health.reason).toBe('The D-Bus session bus named in DBUS_SESSION_BUS_ADDRESS cannot be reached.');
    expect(out.roundTrip).toBe(true);
  });

  it('no bus but DISPLAY set (dbus-launch missing) → session-only, mentions dbus-launch', async () => {
    const out = await runVaultProbe(envWithoutBus({ DISPLAY: ':97' }));
    expect(out.health.mode).toBe('session-only');
    expect(out.health.reason).toMatch(/dbus-launch \(package dbus-x11\) is not installed/);
    expect(out.health.fix).toMatch(/dbus-x11/);
  });

  const keyringCases: Array<{ mode: PrivateKeyringMode; reason: string }> = [
    { mode: 'locked', reason: 'The login keyring is locked.' },
    {
      mode: 'no-login-collection',
      reason: 'The keychain has no login keyring: none was created or unlocked when you logged in.',
    },
    { mode: 'no-secret-service', reason: 'No keychain service (Secret Service) is installed or running.' },
  ];
  for (const { mode, reason } of keyringCases) {
    describe(`a private bus with gnome-keyring "${mode}"`, () => {
      let keyring: PrivateKeyring;
      beforeAll(async () => {
        keyring = await startPrivateKeyring(mode);
      });
      afterAll(() => keyring?.stop());

      it(`${mode} → session-only: "${reason}"`, async () => {
        const out = await runVaultProbe(keyring.env);
        expect(out.health).toMatchObject({ mode: 'session-only', reason });
        expect(out.health.fix).toBeTruthy();
        expect(out.roundTrip).toBe(true);
      });
    });
  }

  describe('control: a private bus with an unlocked gnome-keyring', () => {
    let keyring: PrivateKeyring;
    beforeAll(async () => {
      keyring = await startPrivateKeyring('unlocked');
    });
    afterAll(() => keyring?.stop());

    it('→ keychain mode, so the cases above fail for the reason they name', async () => {
      const out = await runVaultProbe(keyring.env);
      expect(out.health).toEqual({ mode: 'keychain' });
      expect(out.roundTrip).toBe(true);
      expect(out.warnings).toEqual([]);
    });
  });
});
