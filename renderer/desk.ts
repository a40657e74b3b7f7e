/**
 * The renderer's only door to the main process: typed calls over `window.desk`, `{ok:false}` turned back into a
 * thrown DeskError, and an axios instance per DF instance whose adapter sends every request over IPC. The token
 * stays in the main process; this module never sees one.
 *
 * Only `import type` from the contract: the contract module pulls zod in at runtime, which the renderer bundle
 * does not need.
 */
import axios, { type AxiosAdapter, AxiosError, AxiosHeaders, type AxiosInstance, type AxiosResponse } from 'axios';
import type {
  ChannelName,
  ChannelPayload,
  ChannelValue,
  DeskBridge,
  DeskErrorData,
  DeskErrorKind,
  DeskEventName,
  DeskEvents,
  HttpMethod,
  ProxyRequest,
  ProxyResponse,
} from '../shared/ipc/contract.ts';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** The user confirmed this write (prod instances refuse destructive calls without it). */
    confirmed?: boolean;
  }
}

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

export class DeskError extends Error {
  readonly kind: DeskErrorKind;
  readonly status?: number;

  constructor(data: DeskErrorData) {
    super(data.message);
    this.name = 'DeskError';
    this.kind = data.kind;
    if (data.status !== undefined) this.status = data.status;
  }
}

/** What a request through `api(id)` rejects with when the main process answered `{ok:false}`. */
export class DeskRequestError extends AxiosError {
  readonly desk: DeskError;

  constructor(desk: DeskError, config: ConstructorParameters<typeof AxiosError>[2]) {
    super(desk.message, axiosCodeFor(desk.kind), config);
    this.name = 'DeskRequestError';
    this.desk = desk;
    this.cause = desk;
    if (desk.status !== undefined) this.status = desk.status;
  }
}

function axiosCodeFor(kind: DeskErrorKind): string {
  if (kind === 'network' || kind === 'tls') return AxiosError.ERR_NETWORK;
  if (kind === 'server') return AxiosError.ERR_BAD_RESPONSE;
  return AxiosError.ERR_BAD_REQUEST;
}

/** The response of `api(id)` also carries the main process's own timing of the DF call. */
export type DeskAxiosResponse<T = unknown> = AxiosResponse<T> & { durationMs: number };

export function proxyDuration(response: AxiosResponse): number | undefined {
  const value: unknown = (response as Partial<DeskAxiosResponse>).durationMs;
  return typeof value === 'number' ? value : undefined;
}

export interface DeskClient {
  call<C extends ChannelName>(channel: C, payload: ChannelPayload<C>): Promise<ChannelValue<C>>;
  on<E extends DeskEventName>(event: E, listener: (payload: DeskEvents[E]) => void): () => void;
  /** axios for one DF instance; paths are relative to /api/v2 (`/db/_table/contacts`). */
  api(instanceId: string): AxiosInstance;
  /** Fires when any request fails because the instance's session ended, so the app can offer a sign-in. */
  onSessionEnded(listener: (instanceId: string) => void): () => void;
}

const methods: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function isHttpMethod(value: string): value is HttpMethod {
  return (methods as readonly string[]).includes(value);
}

function isDeskResult(value: unknown): value is { ok: boolean; value?: unknown; error?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function toErrorData(error: unknown): DeskErrorData {
  if (typeof error === 'object' && error !== null) {
    const { kind, message, status } = error as { kind?: unknown; message?: unknown; status?: unknown };
    if (typeof kind === 'string' && typeof message === 'string') {
      const data: DeskErrorData = { kind: kind as DeskErrorKind, message };
      if (typeof status === 'number') data.status = status;
      return data;
    }
  }
  return { kind: 'internal', message: 'The app answered with an error it could not describe.' };
}

type ParamValue = string | number | boolean;

/** axios lets callers pass anything as a param; the contract carries only scalars, so lists become DF's csv. */
function toParams(source: unknown, query: string | undefined): Record<string, ParamValue> | undefined {
  const params: Record<string, ParamValue> = {};
  if (query) {
    for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  }
  if (typeof source === 'object' && source !== null) {
    const entries = source instanceof URLSearchParams ? [...source.entries()] : Object.entries(source);
    for (const [key, value] of entries) {
      if (value === undefined || value === null) continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[key] = value;
      else if (Array.isArray(value)) params[key] = value.map(String).join(',');
      else params[key] = JSON.stringify(value);
    }
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

function splitUrl(url: string | undefined): { path: string; query: string | undefined } {
  const raw = (url ?? '').trim();
  const at = raw.indexOf('?');
  const path = at === -1 ? raw : raw.slice(0, at);
  const query = at === -1 ? undefined : raw.slice(at + 1);
  return { path: path === '' ? '/' : path.startsWith('/') ? path : `/${path}`, query };
}

const identity = <T>(data: T): T => data;

export function createDeskClient(bridge: DeskBridge): DeskClient {
  const sessionEndedListeners = new Set<(instanceId: string) => void>();
  const instancesApi = new Map<string, AxiosInstance>();

  async function call<C extends ChannelName>(channel: C, payload: ChannelPayload<C>): Promise<ChannelValue<C>> {
    let result: unknown;
    try {
      result = await bridge.invoke(channel, payload);
    } catch {
      // The transport itself failed (a closed window, a harness bug): still a typed error for the UI.
      throw new DeskError({ kind: 'internal', message: 'DF Desk could not reach its main process.' });
    }
    if (!isDeskResult(result)) throw new DeskError({ kind: 'internal', message: 'The app sent an unreadable answer.' });
    if (result.ok) return result.value as ChannelValue<C>;
    throw new DeskError(toErrorData(result.error));
  }

  function adapterFor(instanceId: string): AxiosAdapter {
    return async (config) => {
      const method = (config.method ?? 'get').toUpperCase();
      if (!isHttpMethod(method)) {
        throw new DeskRequestError(
          new DeskError({ kind: 'invalid-input', message: `DF Desk does not send ${method} requests.` }),
          config,
        );
      }
      const { path, query } = splitUrl(config.url);
      const request: ProxyRequest = { method, path };
      const params = toParams(config.params, query);
      if (params) request.params = params;
      if (config.data !== undefined) request.data = config.data;
      if (config.confirmed === true) request.confirmed = true;

      let value: ProxyResponse;
      try {
        value = await call('request', { id: instanceId, request });
      } catch (error) {
        const desk = error instanceof DeskError ? error : new DeskError(toErrorData(error));
        if (desk.kind === 'session-ended') for (const listener of sessionEndedListeners) listener(instanceId);
        throw new DeskRequestError(desk, config);
      }

      const response: DeskAxiosResponse = {
        data: value.data,
        status: value.status,
        statusText: '',
        headers: AxiosHeaders.from(value.headers),
        config,
        request: { channel: 'request', instanceId },
        durationMs: value.durationMs,
      };
      const validate = config.validateStatus;
      if (!validate || validate(value.status)) return response;
      throw new AxiosError(
        `Request failed with status code ${value.status}`,
        value.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
        config,
        response.request,
        response,
      );
    };
  }

  function api(instanceId: string): AxiosInstance {
    let instance = instancesApi.get(instanceId);
    if (!instance) {
      instance = axios.create({
        adapter: adapterFor(instanceId),
        // Data crosses IPC as structured clones: keep objects as objects, in both directions.
        transformRequest: [identity],
        transformResponse: [identity],
      });
      instancesApi.set(instanceId, instance);
    }
    return instance;
  }

  return {
    call,
    on: (event, listener) => bridge.on(event, listener),
    api,
    onSessionEnded(listener) {
      sessionEndedListeners.add(listener);
      return () => sessionEndedListeners.delete(listener);
    },
  };
}

/** The preload's bridge, or a clear error when the page runs outside DF Desk (e.g. opened in a browser). */
export function getBridge(): DeskBridge {
  const bridge = typeof window === 'undefined' ? undefined : window.desk;
  if (!bridge) throw new DeskError({ kind: 'internal', message: 'window.desk is missing: open this page in DF Desk.' });
  return bridge;
}

const statusKinds: Record<number, DeskErrorKind> = {
  400: 'bad-request',
  403: 'forbidden',
  404: 'not-found',
};

/** DF's error envelope is `{error:{message}}`, HTML-entity encoded by DF. */
export function dfErrorMessage(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const error = (data as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const message = (error as { message?: unknown }).message;
  if (typeof message !== 'string') return undefined;
  return message
    .replaceAll('&quot;', '"')
    .replaceAll('&#039;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Any failure from `call` or `api(id)`, as a DeskError the UI knows how to explain. */
export function toDeskError(error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  if (error instanceof DeskRequestError) return error.desk;
  if (error instanceof AxiosError && error.response) {
    const status = error.response.status;
    const kind: DeskErrorKind = statusKinds[status] ?? (status >= 500 ? 'server' : 'http');
    return new DeskError({ kind, message: dfErrorMessage(error.response.data) ?? error.message, status });
  }
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return new DeskError({ kind: 'internal', message });
}
