/**
 * A DeskBridge for component tests: answers each channel from a handler the test sets, records every call, and
 * pushes events on demand. The real bridge (preload / e2e binding) is exercised by the e2e suite.
 */
import type { ChannelName, ChannelPayload, ChannelValue, DeskBridge, DeskErrorData, DeskErrorKind, DeskEventName, DeskEvents, DeskResult } from '../../../shared/ipc/contract.ts';

export type Handlers = {
  [C in ChannelName]?: (payload: ChannelPayload<C>) => ChannelValue<C> | Promise<ChannelValue<C>>;
};

/** Throw this from a handler to answer `{ok:false, error}`. */
export class FakeFailure extends Error {
  constructor(readonly data: DeskErrorData) {
    super(data.message);
  }
}

export function failWith(kind: DeskErrorKind, message: string, status?: number): FakeFailure {
  return new FakeFailure(status === undefined ? { kind, message } : { kind, message, status });
}

export interface RecordedCall {
  channel: ChannelName;
  payload: unknown;
}

export class FakeDesk implements DeskBridge {
  readonly calls: RecordedCall[] = [];
  private readonly listeners = new Map<DeskEventName, Set<(payload: never) => void>>();

  constructor(public handlers: Handlers = {}) {}

  async invoke<C extends ChannelName>(channel: C, payload: ChannelPayload<C>): Promise<DeskResult<ChannelValue<C>>> {
    this.calls.push({ channel, payload: structuredClone(payload) });
    const handler = this.handlers[channel] as ((payload: ChannelPayload<C>) => unknown) | undefined;
    if (!handler) return { ok: false, error: { kind: 'internal', message: `The fake desk has no ${channel}.` } };
    try {
      return { ok: true, value: (await handler(payload)) as ChannelValue<C> };
    } catch (error) {
      if (error instanceof FakeFailure) return { ok: false, error: error.data };
      throw error;
    }
  }

  on<E extends DeskEventName>(event: E, listener: (payload: DeskEvents[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends DeskEventName>(event: E, payload: DeskEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (payload: DeskEvents[E]) => void)(payload);
  }

  listenerCount(event: DeskEventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  /** Payloads sent on one channel, oldest first. */
  payloads<C extends ChannelName>(channel: C): ChannelPayload<C>[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.payload as ChannelPayload<C>);
  }
}
