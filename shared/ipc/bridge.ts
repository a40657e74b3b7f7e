/**
 * Builds the `window.desk` surface from two raw transport functions. The preload wraps ipcRenderer with it and
 * the e2e harness wraps page bindings with it, so both expose exactly the same checked surface.
 */
import type {
  ChannelName,
  ChannelPayload,
  ChannelValue,
  DeskBridge,
  DeskEventName,
  DeskEvents,
  DeskResult,
} from './contract.ts';
// Runtime imports from names.ts (and the zod-free desk-error.ts) only: contract.ts and dispatch.ts pull zod,
// which the preload must not bundle.
import { DeskError } from './desk-error.ts';
import {
  internalErrorMessage,
  isChannelName,
  isDeskErrorKind,
  isDeskEventName,
  refused,
  unknownChannelMessage,
} from './names.ts';

/** Sends one call to the main process and resolves with whatever it answered. */
export type RawInvoke = (channel: ChannelName, payload: unknown) => Promise<unknown>;
/** Subscribes to one main → renderer event; must hand the listener the payload only. Returns an unsubscribe. */
export type RawSubscribe = (event: DeskEventName, listener: (payload: unknown) => void) => () => void;

export const transportFailedMessage = 'The DF Desk main process did not answer. Restart the app if this keeps happening.';

export { isDeskEventName };

/** The main process only ever answers with a DeskResult; anything else is treated as a broken transport. */
export function isDeskResult(value: unknown): value is DeskResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.ok === true) return 'value' in record || Object.keys(record).length === 1;
  if (record.ok !== false) return false;
  const error = record.error;
  if (typeof error !== 'object' || error === null) return false;
  const data = error as Record<string, unknown>;
  return isDeskErrorKind(data.kind) && typeof data.message === 'string';
}

/**
 * What a caller of the bridge wants from its answer: the value, or the main process's DeskError thrown again
 * (contextBridge strips custom error properties, so errors cross as data). Anything else is a broken transport.
 */
export function resultValue<T>(result: unknown): T {
  if (!isDeskResult(result)) throw new DeskError('internal', internalErrorMessage);
  if (result.ok) return result.value as T;
  throw DeskError.fromData(result.error);
}

export function createBridge(invoke: RawInvoke, subscribe: RawSubscribe): DeskBridge {
  async function invokeChecked<C extends ChannelName>(
    channel: C,
    payload: ChannelPayload<C>,
  ): Promise<DeskResult<ChannelValue<C>>> {
    // Types do not exist at runtime: a renderer script can pass any string here.
    if (!isChannelName(channel)) return refused(unknownChannelMessage);
    let answer: unknown;
    try {
      answer = await invoke(channel, payload);
    } catch {
      // Electron's rejection text names internals ("No handler registered for …"); the renderer gets plain words.
      return { ok: false, error: { kind: 'internal', message: transportFailedMessage } };
    }
    if (!isDeskResult(answer)) return { ok: false, error: { kind: 'internal', message: internalErrorMessage } };
    // The router answers each channel with that channel's value type; the transport itself is untyped.
    return answer as DeskResult<ChannelValue<C>>;
  }

  function on<E extends DeskEventName>(event: E, listener: (payload: DeskEvents[E]) => void): () => void {
    if (!isDeskEventName(event)) throw new TypeError('Unknown DF Desk event.');
    if (typeof listener !== 'function') throw new TypeError('A listener function is required.');
    let active = true;
    // The main process is the only sender on these channels and sends the contract's payload type.
    const unsubscribe = subscribe(event, (payload) => {
      if (active) listener(payload as DeskEvents[E]);
    });
    return () => {
      if (!active) return;
      active = false;
      unsubscribe();
    };
  }

  return Object.freeze({ invoke: invokeChecked, on });
}
