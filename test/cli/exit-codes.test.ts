import { describe, expect, it } from 'vitest';
import { CliError, exitCodeForKind, exitCodes, exitCodesHelp, usageError } from '../../electron/cli/exit-codes.ts';
import { deskErrorKinds } from '../../shared/ipc/contract.ts';

describe('exit codes', () => {
  it('maps every DeskError kind to a documented code', () => {
    const documented = new Set<number>(Object.values(exitCodes));
    for (const kind of deskErrorKinds) expect(documented.has(exitCodeForKind(kind)), kind).toBe(true);
  });

  it('keeps the promised meaning of 2, 3, 4 and 5', () => {
    expect(exitCodeForKind('confirmation-required')).toBe(2);
    expect(exitCodeForKind('invalid-input')).toBe(2);
    expect(exitCodeForKind('session-ended')).toBe(3);
    expect(exitCodeForKind('bad-credentials')).toBe(3);
    expect(exitCodeForKind('not-found')).toBe(4);
    expect(exitCodeForKind('server')).toBe(4);
    expect(exitCodeForKind('network')).toBe(5);
    expect(exitCodeForKind('tls')).toBe(5);
    expect(exitCodeForKind('vault')).toBe(1);
  });

  it('lists every code in the help text', () => {
    for (const code of Object.values(exitCodes)) expect(exitCodesHelp).toMatch(new RegExp(`^\\s+${code}\\s`, 'm'));
  });

  it('carries its code on CliError', () => {
    const error = usageError('nope');
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('nope');
  });
});
