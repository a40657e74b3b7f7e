/**
 * An axios request config as the contract's ProxyRequest: the one shape the main process accepts on the
 * `request` channel. axios lets callers pass anything as a param; the contract carries only scalars.
 */
import type { AxiosRequestConfig } from 'axios';
import type { HttpMethod, ProxyRequest } from '../shared/ipc/contract.ts';
import { httpMethods } from '../shared/ipc/names.ts';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** The user confirmed this write (prod instances refuse destructive calls without it). */
    confirmed?: boolean;
  }
}

type ParamValue = string | number | boolean;

function isHttpMethod(value: string): value is HttpMethod {
  return (httpMethods as readonly string[]).includes(value);
}

/** Lists become DF's csv; other structures go as JSON text. */
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

/** The ProxyRequest for `config`, or undefined when its method is one the contract does not carry. */
export function toProxyRequest(config: AxiosRequestConfig): ProxyRequest | undefined {
  const method = (config.method ?? 'get').toUpperCase();
  if (!isHttpMethod(method)) return undefined;
  const { path, query } = splitUrl(config.url);
  const request: ProxyRequest = { method, path };
  const params = toParams(config.params, query);
  if (params) request.params = params;
  if (config.data !== undefined) request.data = config.data;
  if (config.confirmed === true) request.confirmed = true;
  return request;
}
