import type { DeskErrorData, DeskErrorKind } from '../../shared/ipc/contract.ts';

/**
 * The one error type main-process services throw. Messages are plain words for the user and never carry a
 * token or an API key; the router turns it into `DeskErrorData` because contextBridge strips custom error
 * properties.
 */
export class DeskError extends Error {
  override readonly name = 'DeskError';
  readonly kind: DeskErrorKind;
  readonly status: number | undefined;

  constructor(kind: DeskErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
  }

  toData(): DeskErrorData {
    return this.status === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, message: this.message, status: this.status };
  }
}

export function isDeskError(value: unknown, kind?: DeskErrorKind): value is DeskError {
  return value instanceof DeskError && (kind === undefined || value.kind === kind);
}
