/**
 * Turns what keytar/libsecret throws into words a user can act on. keytar errors are plain `Error`s with no
 * code, so the messages below (verified against gnome-keyring 42 + libsecret, toolchain §2.4) are matched
 * by their stable parts.
 */
import type { VaultHealth } from '../../../shared/ipc/contract.ts';

export interface KeychainProblem {
  reason: string;
  fix: string;
}

const installKeyring =
  'Install and unlock gnome-keyring (or KWallet): sudo apt install gnome-keyring libsecret-1-0, then log out and back in.';

const rules: Array<{ test: RegExp; problem: KeychainProblem }> = [
  {
    // keytar's native module cannot load: libsecret-1.so.0 (or glib) is not installed.
    test: /libsecret|cannot open shared object file/i,
    problem: {
      reason: 'The keychain library (libsecret) is not installed, so DF Desk cannot reach the system keychain.',
      fix: 'Install it: sudo apt install libsecret-1-0 gnome-keyring, then restart DF Desk.',
    },
  },
  {
    test: /Cannot find (module|package) ['"]?keytar|keytar\.node|was compiled against a different Node\.js version/i,
    problem: {
      reason: "DF Desk's keychain module is missing or broken in this installation.",
      fix: 'Reinstall DF Desk. If you built it yourself, rebuild keytar (npm rebuild keytar).',
    },
  },
  {
    test: /Cannot autolaunch D-Bus without X11 \$DISPLAY/,
    problem: {
      reason: 'No D-Bus session bus is running, so the system keychain cannot be reached.',
      fix: `Start DF Desk from a desktop session (or wrap it in dbus-run-session). ${installKeyring}`,
    },
  },
  {
    test: /dbus-launch/,
    problem: {
      reason: 'No D-Bus session bus is running, and dbus-launch (package dbus-x11) is not installed to start one.',
      fix: `Start DF Desk from a desktop session, or install dbus-x11 (sudo apt install dbus-x11). ${installKeyring}`,
    },
  },
  {
    test: /Could not connect: |Failed to connect to socket|DBUS_SESSION_BUS_ADDRESS/i,
    problem: {
      reason: 'The D-Bus session bus named in DBUS_SESSION_BUS_ADDRESS cannot be reached.',
      fix: `Start DF Desk from a desktop session so it gets a working session bus. ${installKeyring}`,
    },
  },
  {
    test: /org\.freedesktop\.secrets was not provided by any \.service files|ServiceUnknown/i,
    problem: {
      reason: 'No keychain service (Secret Service) is installed or running.',
      fix: installKeyring,
    },
  },
  {
    test: /collection\/login/,
    problem: {
      reason: 'The keychain has no login keyring: none was created or unlocked when you logged in.',
      fix: installKeyring,
    },
  },
  {
    test: /locked collection|is locked/i,
    problem: {
      reason: 'The login keyring is locked.',
      fix: 'Unlock the login keyring (for example in "Passwords and Keys"), or log out and back in so it unlocks with your password, then restart DF Desk.',
    },
  },
  {
    test: /did not answer/,
    problem: {
      reason: 'The system keychain did not answer in time (it may be waiting for you to unlock it).',
      fix: 'Unlock the keychain if it asks you to, then restart DF Desk.',
    },
  },
];

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}

export function explainKeychainError(error: unknown): KeychainProblem {
  const message = messageOf(error);
  for (const rule of rules) if (rule.test.test(message)) return rule.problem;
  return {
    // keytar messages carry paths and D-Bus names, never secrets, so showing the raw text is safe and useful.
    reason: `The system keychain reported an error${message === '' ? '.' : `: ${message}`}`,
    fix: installKeyring,
  };
}

export function sessionOnlyHealth(problem: KeychainProblem): VaultHealth {
  return { mode: 'session-only', reason: problem.reason, fix: problem.fix };
}
