/** A log line's view of a thrown value: name and message, never a stack (paths) or an arbitrary object. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'non-error value thrown';
}
