/**
 * The single entry point from an untrusted caller into DeskApi. The Electron router and the e2e harness
 * both call `dispatch`, so payload validation and error shaping cannot differ between them.
 */
import type { ChannelName, DeskApi, DeskErrorData, DeskResult } from './contract.ts';
import { channels } from './contract.ts';
import { redactText } from '../secrets.ts';
import { internalErrorMessage, isChannelName, isDeskErrorKind, refused, unknownChannelMessage } from './names.ts';

// Callers of dispatch get the whole error vocabulary from one module.
export { internalErrorMessage, isChannelName, isDeskErrorKind, refused, unknownChannelMessage };

const maxMessageLength = 1000;

function cleanMessage(message: string): string {
  // A message that embeds a stack trace loses everything from the first frame on.
  const withoutStack = message.split(/\n\s*at\s/)[0] ?? '';
  // Defence in depth: whatever a service puts in a message, nothing token- or key-shaped leaves the main process.
  const redacted = redactText(withoutStack).trim();
  return redacted.length > maxMessageLength ? `${redacted.slice(0, maxMessageLength)}…` : redacted;
}

function readProperty(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    // A throwing getter must not turn error shaping into a second error.
    return undefined;
  }
}

function hasKnownKind(error: unknown): boolean {
  return typeof error === 'object' && error !== null && isDeskErrorKind(readProperty(error, 'kind'));
}

/** Shapes anything thrown by a handler into data the renderer may see. */
export function toDeskErrorData(error: unknown): DeskErrorData {
  if (typeof error !== 'object' || error === null) return { kind: 'internal', message: internalErrorMessage };
  const kind = readProperty(error, 'kind');
  const message = readProperty(error, 'message');
  if (!isDeskErrorKind(kind) || typeof message !== 'string') return { kind: 'internal', message: internalErrorMessage };
  const cleaned = cleanMessage(message);
  const data: DeskErrorData = { kind, message: cleaned === '' ? internalErrorMessage : cleaned };
  const status = readProperty(error, 'status');
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) data.status = status;
  return data;
}

export interface DispatchOptions {
  /** Called with errors that carry no known kind (bugs), so the caller can log them; the renderer gets a generic message. */
  onUnexpectedError?: (error: unknown, channel: ChannelName) => void;
}

type AnyCall = (api: DeskApi, payload: unknown) => Promise<unknown>;

/**
 * Runs one call: unknown channel → refused; payload that fails its schema → invalid-input with no handler run;
 * handler error → DeskErrorData. Never rejects.
 */
export async function dispatch(
  api: DeskApi,
  channel: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<DeskResult<unknown>> {
  if (!isChannelName(channel)) return refused(unknownChannelMessage);
  const entry = channels[channel];
  // Every schema in the contract is synchronous; the async parser would only add ticks to every call.
  const parsed = entry.payload.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const message = first === undefined ? 'The request is not valid.' : cleanMessage(first.message);
    return { ok: false, error: { kind: 'invalid-input', message: message === '' ? 'The request is not valid.' : message } };
  }
  try {
    // The table pairs each schema with its call, so the parsed payload fits; TS cannot correlate the union.
    const value = await (entry.call as AnyCall)(api, parsed.data);
    return { ok: true, value };
  } catch (error) {
    const data = toDeskErrorData(error);
    if (!hasKnownKind(error)) options.onUnexpectedError?.(error, channel);
    return { ok: false, error: data };
  }
}
