import { describe, expect, it } from 'vitest';
import { explainKeychainError, sessionOnlyHealth } from '../../../../electron/main/adapters/keychain-errors.ts';

describe('explainKeychainError', () => {
  // The exact texts keytar/libsecret produce (toolchain §2.4, re-verified in keytar-vault.child.test.ts).
  const table: Array<[string, RegExp]> = [
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', /^No D-Bus session bus is running, so/],
    ['Failed to execute child process “dbus-launch” (No such file or directory)', /dbus-launch \(package dbus-x11\)/],
    ['Could not connect: No such file or directory', /DBUS_SESSION_BUS_ADDRESS cannot be reached/],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', /no login keyring/],
    ['Cannot create an item in a locked collection', /^The login keyring is locked\.$/],
    ['The name org.freedesktop.secrets was not provided by any .service files', /No keychain service \(Secret Service\)/],
    ['libsecret-1.so.0: cannot open shared object file: No such file or directory', /libsecret\) is not installed/],
    ["Cannot find module 'keytar'", /missing or broken in this installation/],
  ];
  for (const [message, reason] of table) {
    it(message, () => {
      const problem = explainKeychainError(new Error(message));
      expect(problem.reason).toMatch(reason);
      expect(problem.fix.length).toBeGreaterThan(10);
    });
  }

  it('an unknown error keeps its text in the reason and suggests installing a keyring', () => {
    const problem = explainKeychainError(new Error('Something odd'));
    expect(problem.reason).toBe('The system keychain reported an error: Something odd');
    expect(problem.fix).toContain('sudo apt install gnome-keyring libsecret-1-0');
  });

  it('handles non-Error throws', () => {
    expect(explainKeychainError(undefined).reason).toBe('The system keychain reported an error.');
  });

  it('sessionOnlyHealth carries reason and fix', () => {
    expect(sessionOnlyHealth({ reason: 'r', fix: 'f' })).toEqual({ mode: 'session-only', reason: 'r', fix: 'f' });
  });
});
