/**
 * What a script can rely on: the exit code says what went wrong, in the same words in `--help` and the README.
 * Every DeskError kind maps to one code here and nowhere else.
 */
import type { DeskErrorKind } from '../../shared/ipc/contract.ts';

export const exitCodes = {
  ok: 0,
  /** DF Desk itself failed (the keychain, or a bug). */
  internal: 1,
  usage: 2,
  signIn: 3,
  dfError: 4,
  network: 5,
  /** Ctrl+C at a prompt. */
  cancelled: 130,
} as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** An outcome the command line decided itself, with its exit code and words for stderr. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

export const usageError = (message: string): CliError => new CliError(message, exitCodes.usage);

export function exitCodeForKind(kind: DeskErrorKind): ExitCode {
  switch (kind) {
    // A wrong password is a sign-in that is still needed: a script reacts to both by asking for one.
    case 'session-ended':
    case 'bad-credentials':
      return exitCodes.signIn;
    case 'forbidden':
    case 'not-found':
    case 'bad-request':
    case 'server':
    case 'not-dreamfactory':
    case 'http':
      return exitCodes.dfError;
    case 'network':
    case 'tls':
      return exitCodes.network;
    // Refused before anything was sent: the command line asked for something DF Desk will not do as asked.
    case 'invalid-input':
    case 'unknown-instance':
    case 'confirmation-required':
    case 'refused':
    case 'too-large':
      return exitCodes.usage;
    case 'vault':
    case 'internal':
      return exitCodes.internal;
  }
}

export const exitCodesHelp = `
Exit codes:
  0  ok
  1  DF Desk itself failed (e.g. the system keychain refused)
  2  usage: a wrong command, option or instance; a secret given as a flag; a
     production write without --yes (nothing was sent)
  3  a sign-in is needed: not signed in, the session ended, or the sign-in was
     refused (wrong email, username or password)
  4  DreamFactory answered with an error (for request: HTTP 400 or more; the
     answer is still printed)
  5  no answer: network, DNS, timeout or TLS certificate trouble
  130  cancelled at a prompt (Ctrl+C)`;
