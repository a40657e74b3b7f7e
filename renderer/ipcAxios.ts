/**
 * axios for one DF instance whose adapter sends every request over IPC, so the token stays in the main
 * process. The shared DF calls (shared/df/api.ts) run on it as on any axios instance on `<instance>/api/v2`.
 */
import axios, {
  type AxiosAdapter,
  AxiosError,
  AxiosHeaders,
  type AxiosInstance,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { resultValue, transportFailedMessage } from '../shared/ipc/bridge.ts';
import type { ChannelName, ChannelPayload, DeskBridge, DeskErrorKind, ProxyResponse } from '../shared/ipc/contract.ts';
import { DeskError } from '../shared/ipc/desk-error.ts';
import { internalErrorMessage } from '../shared/ipc/names.ts';
import { toProxyRequest } from './proxyRequest.ts';

/** What a request through the IPC axios rejects with when the main process answered `{ok:false}`. */
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

/** The response of the IPC axios also carries the main process's own timing of the DF call. */
export type DeskAxiosResponse<T = unknown> = AxiosResponse<T> & { durationMs: number };

export function proxyDuration(response: AxiosResponse): number | undefined {
  const value: unknown = (response as Partial<DeskAxiosResponse>).durationMs;
  return typeof value === 'number' ? value : undefined;
}

/**
 * `bridge.invoke`, whose transport never rejects in the app (the preload answers `{ok:false}` instead); a
 * bridge that does (a closed window, a test double) still gives a typed error for the UI.
 */
export async function invokeOrFail<C extends ChannelName>(
  bridge: DeskBridge,
  channel: C,
  payload: ChannelPayload<C>,
): Promise<unknown> {
  try {
    return await bridge.invoke(channel, payload);
  } catch (error) {
    throw new DeskError('internal', transportFailedMessage, { cause: error });
  }
}

/** Resolves like axios's own adapters: with the response, or an AxiosError when validateStatus refuses it. */
function settle(value: ProxyResponse, config: InternalAxiosRequestConfig, request: object): DeskAxiosResponse {
  const response: DeskAxiosResponse = {
    data: value.data,
    status: value.status,
    statusText: '',
    headers: AxiosHeaders.from(value.headers),
    config,
    request,
    durationMs: value.durationMs,
  };
  const validate = config.validateStatus;
  if (!validate || validate(value.status)) return response;
  throw new AxiosError(
    `Request failed with status code ${value.status}`,
    value.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
    config,
    request,
    response,
  );
}

// Straight to the preload's `window.desk.invoke`: the request path stays one hop per process boundary.
function ipcAdapter(instanceId: string, bridge: DeskBridge, onSessionEnded: () => void): AxiosAdapter {
  return async (config) => {
    const request = toProxyRequest(config);
    if (!request) {
      const method = (config.method ?? 'get').toUpperCase();
      throw new DeskRequestError(new DeskError('invalid-input', `DF Desk does not send ${method} requests.`), config);
    }
    let value: ProxyResponse;
    try {
      value = resultValue<ProxyResponse>(await invokeOrFail(bridge, 'request', { id: instanceId, request }));
    } catch (error) {
      const desk = error instanceof DeskError ? error : new DeskError('internal', internalErrorMessage, { cause: error });
      if (desk.kind === 'session-ended') onSessionEnded();
      throw new DeskRequestError(desk, config);
    }
    return settle(value, config, { channel: 'request', instanceId });
  };
}

const identity = <T>(data: T): T => data;

export function createIpcAxios(instanceId: string, bridge: DeskBridge, onSessionEnded: () => void): AxiosInstance {
  return axios.create({
    adapter: ipcAdapter(instanceId, bridge, onSessionEnded),
    // Data crosses IPC as structured clones: keep objects as objects, in both directions.
    transformRequest: [identity],
    transformResponse: [identity],
  });
}
