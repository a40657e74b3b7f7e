import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../../shared/ipc/desk-error.ts';
import { asDeskError, toDeskError } from '../../../../../electron/main/services/requests/to-desk-error.ts';
import { transportError } from '../../../../../shared/df/errors.ts';
import { DfError } from '../../../../../shared/df/index.ts';
import { internalErrorMessage } from '../../../../../shared/ipc/names.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';

describe('toDeskError', () => {
  it('passes a DeskError through', () => {
    const error = new DeskError('refused', 'No.');
    expect(toDeskError(error)).toBe(error);
  });

  it("keeps a DfError's kind, DF's message and the HTTP status", () => {
    const error = toDeskError(new DfError('bad-credentials', 'Invalid credentials supplied.', { status: 401, code: 401 }));
    expect(error).toBeInstanceOf(DeskError);
    expect(error.toData()).toEqual({ kind: 'bad-credentials', message: 'Invalid credentials supplied.', status: 401 });
    expect(toDeskError(new DfError('network', 'Down.')).toData()).toEqual({ kind: 'network', message: 'Down.' });
  });

  it('gives a classified transport failure its own kind and the next step', () => {
    const tls = toDeskError(transportError({ code: 'CERT_HAS_EXPIRED' }));
    expect(tls.kind).toBe('tls');
    expect(tls.message).toMatch(/certificate has expired.*Renew/);
    const big = toDeskError(transportError(new Error('maxContentLength size of 10 exceeded')));
    expect(big.kind).toBe('too-large');
  });

  it('hides anything unexpected behind a generic message and logs it (redacted by the logger)', async () => {
    const logger = recordingLogger();
    const error = toDeskError(new TypeError('x is undefined'), logger);
    expect(error.toData()).toEqual({ kind: 'internal', message: internalErrorMessage });
    expect(logger.lines).toHaveLength(1);
    await expect(asDeskError(async () => Promise.reject(new Error('boom')), logger)).rejects.toMatchObject({ kind: 'internal' });
    await expect(asDeskError(async () => 42)).resolves.toBe(42);
  });
});
