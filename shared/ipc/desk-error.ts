import type { DeskErrorData, DeskErrorKind } from './contract.ts';

/**
 * The one error type of DF Desk's API, on both sides of IPC. The main process throws it; the router sends it
 * as `DeskErrorData` because contextBridge strips custom error properties; the renderer rebuilds it with
 * `fromData`. Messages are plain words for the user and never carry a token or an API key. The whole chain
 * is written down in docs/errors.md.
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

  static fromData(data: DeskErrorData): DeskError {
    return new DeskError(data.kind, data.message, data.status === undefined ? {} : { status: data.status });
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
