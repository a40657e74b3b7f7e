/**
 * Everything the desk services throw becomes a DeskError: DfError keeps its kind and DF's message (already
 * free of tokens), a classified transport failure gets its own kind ('tls', 'too-large') and its next step,
 * and anything unexpected becomes 'internal' with the details only in the (redacting) log.
 */
import { DfError } from '../../../../shared/df/index.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { internalErrorMessage } from '../../../../shared/ipc/names.ts';
import type { Logger } from '../../ports.ts';

export function toDeskError(error: unknown, logger?: Logger): DeskError {
  if (error instanceof DeskError) return error;
  if (error instanceof DfError && error.transport !== undefined) {
    return new DeskError(error.transport.kind, `${error.message} ${error.transport.nextStep}`);
  }
  if (error instanceof DfError) {
    return error.status === undefined
      ? new DeskError(error.kind, error.message)
      : new DeskError(error.kind, error.message, { status: error.status });
  }
  logger?.error('Unexpected failure in a desk service.', { error });
  return new DeskError('internal', internalErrorMessage);
}

/** Runs `task`, rethrowing whatever it throws as a DeskError. */
export async function asDeskError<T>(task: () => Promise<T>, logger?: Logger): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw toDeskError(error, logger);
  }
}
