import { describe, expect, it } from 'vitest';
import { DeskError, isDeskError } from '../../../shared/ipc/desk-error.ts';

describe('DeskError', () => {
  it('carries kind, message and status, and converts to IPC data', () => {
    const error = new DeskError('forbidden', 'Not allowed.', { status: 403 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DeskError');
    expect(error.toData()).toEqual({ kind: 'forbidden', message: 'Not allowed.', status: 403 });
  });

  it('omits status from the data when there is none, and keeps the cause off the data', () => {
    const error = new DeskError('vault', 'Keychain locked.', { cause: new Error('raw detail') });
    expect(error.toData()).toEqual({ kind: 'vault', message: 'Keychain locked.' });
    expect((error.cause as Error).message).toBe('raw detail');
  });

  it('isDeskError narrows by kind', () => {
    const error = new DeskError('invalid-input', 'Bad.');
    expect(isDeskError(error)).toBe(true);
    expect(isDeskError(error, 'invalid-input')).toBe(true);
    expect(isDeskError(error, 'vault')).toBe(false);
    expect(isDeskError(new Error('plain'))).toBe(false);
  });
});
