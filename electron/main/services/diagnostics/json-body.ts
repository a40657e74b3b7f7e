/** Response bodies arrive parsed (JSON) or as text (anything axios could not parse); this gives the JSON. */
export function parseJsonBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  const text = body.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return body;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return body;
  }
}

/** DF's error envelope message, or null when the body is not one (df-protocol.md §4). */
export function dfErrorMessage(body: unknown): string | null {
  const parsed = parseJsonBody(body);
  if (typeof parsed !== 'object' || parsed === null || !('error' in parsed)) return null;
  const error: unknown = parsed.error;
  if (typeof error !== 'object' || error === null || !('message' in error)) return null;
  return typeof error.message === 'string' ? error.message : null;
}
