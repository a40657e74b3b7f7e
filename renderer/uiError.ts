/**
 * Any failure a view can meet, as the one DeskError (shared/ipc/desk-error.ts) that ErrorAlert explains: a
 * DeskError from IPC, a refused IPC request, a DfError from the shared DF calls (e.g. an answer of the wrong
 * shape), or a non-2xx answer a caller did not accept.
 */
import { AxiosError } from 'axios';
import { DfError, dfErrorMessage, kindForStatus } from '../shared/df/errors.ts';
import { DeskError } from '../shared/ipc/desk-error.ts';
import { internalErrorMessage } from '../shared/ipc/names.ts';
import { DeskRequestError } from './ipcAxios.ts';

export function uiError(error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  if (error instanceof DeskRequestError) return error.desk;
  if (error instanceof DfError) {
    return new DeskError(error.kind, error.message, error.status === undefined ? {} : { status: error.status });
  }
  if (error instanceof AxiosError && error.response) {
    const status = error.response.status;
    return new DeskError(kindForStatus(status), dfErrorMessage(error.response.data) ?? error.message, { status });
  }
  const message = error instanceof Error && error.message !== '' ? error.message : internalErrorMessage;
  return new DeskError('internal', message, { cause: error });
}
