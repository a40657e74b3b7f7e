// Response bodies as DF sends them: reached raw (string/bytes) inside the adapter, parsed after axios's transforms.
import { isSessionTokenField, REDACTED } from '../secrets.ts';
import { utf8Decode } from './encoding.ts';

/** Parses JSON text or bytes; anything else (objects, plain text, streams) is returned as it came. */
export function readBody(data: unknown): unknown {
  let text: string | null = null;
  if (typeof data === 'string') text = data;
  else if (data instanceof Uint8Array) text = utf8Decode(data);
  else if (data instanceof ArrayBuffer) text = utf8Decode(new Uint8Array(data));
  else return data;
  if (text === null) return data;
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

/**
 * A session object read through `http` (e.g. GET user/session in an API console) echoes the token in
 * session_token/session_id. Those values are replaced, so the token stays inside the client. Other bodies
 * are returned untouched (same reference).
 */
export function redactSessionTokens(data: unknown): unknown {
  const body = readBody(data);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return data;
  if (!Object.keys(body).some(isSessionTokenField)) return data;
  const copy: Record<string, unknown> = { ...body };
  for (const key of Object.keys(copy)) if (isSessionTokenField(key)) copy[key] = REDACTED;
  // Keep the wire form the adapter received, so axios's transformResponse handles it as usual.
  return typeof data === 'string' ? JSON.stringify(copy) : copy;
}
