// Keeps credentials on the instance's own origin: refuses requests to other origins and follows only
// same-origin redirects itself (axios's Node redirect follower would replay custom headers anywhere), and only
// those that stay inside the instance's API (`<instance path>/api/v2/…`).
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { notSentError } from './deadline.ts';
import { DfError } from './errors.ts';
import { isWithinPath, reducedPath } from './url-path.ts';

interface ParsedUrl {
  origin: string;
  href: string;
  pathname: string;
}
type UrlConstructor = new (input: string, base?: string) => ParsedUrl;
// lib ES2022 does not declare URL, but every runtime we target (Node, browsers, Electron) has it.
const UrlImpl = (globalThis as unknown as { URL: UrlConstructor }).URL;

export function parseUrl(input: string, base?: string): ParsedUrl | null {
  try {
    return new UrlImpl(input, base);
  } catch {
    return null;
  }
}

export function originOf(url: string): string | null {
  const parsed = parseUrl(url);
  return parsed === null || parsed.origin === 'null' ? null : parsed.origin;
}

const ABSOLUTE_URL = /^([a-z][a-z\d+\-.]*:)?\/\//i;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
export const MAX_SAME_ORIGIN_REDIRECTS = 5;

/** axios's buildFullPath: a relative url is appended to baseURL; an absolute one wins unless allowAbsoluteUrls is false. */
export function fullUrlOf(config: Pick<InternalAxiosRequestConfig, 'url' | 'baseURL' | 'allowAbsoluteUrls'>): string {
  const url = config.url ?? '';
  const base = config.baseURL;
  if (base !== undefined && base !== '' && (!ABSOLUTE_URL.test(url) || config.allowAbsoluteUrls === false)) {
    return url === '' ? base : `${base.replace(/\/?\/$/, '')}/${url.replace(/^\/+/, '')}`;
  }
  return url;
}

export function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    const value: unknown = getter.call(headers, name);
    if (typeof value === 'string') return value;
  }
  const record = headers as Record<string, unknown>;
  const value = record[name] ?? record[name.toLowerCase()];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

export interface SameOriginTransport {
  /** The instance's origin, e.g. `https://df.example.com`. */
  readonly origin: string;
  /** Full URL of a request after the origin check; throws DfError for another origin. */
  checkedUrl(config: InternalAxiosRequestConfig): string;
  /**
   * Sends through the underlying adapter, following same-origin redirects; resolves for every HTTP status.
   * Adjusts `config` in place (validateStatus, maxRedirects); `checked` skips a second origin check.
   */
  send(config: InternalAxiosRequestConfig, checked?: string): Promise<AxiosResponse>;
}

const acceptEveryStatus = (): boolean => true;
const NO_FETCH_REDIRECTS = Object.freeze({ redirect: 'error' });

export function createSameOriginTransport(options: {
  adapter: AxiosAdapter;
  apiBase: string;
  maxRedirects?: number;
}): SameOriginTransport {
  const origin = originOf(options.apiBase);
  if (origin === null) throw new TypeError('The DreamFactory URL is not a valid URL.');
  const apiPath = reducedPath(parseUrl(options.apiBase)?.pathname ?? '/');
  const maxRedirects = options.maxRedirects ?? MAX_SAME_ORIGIN_REDIRECTS;

  function checkedUrl(config: InternalAxiosRequestConfig): string {
    const url = config.url ?? '';
    // Fast path: a relative URL on our own base cannot leave the origin, so skip URL parsing.
    if (config.baseURL === options.apiBase && !ABSOLUTE_URL.test(url)) return fullUrlOf(config);
    // Resolved against our base so a protocol-relative `//host/...` is judged by the host it names.
    const parsed = parseUrl(fullUrlOf(config), options.apiBase);
    if (parsed === null) throw new DfError('bad-request', 'The request URL is not a valid absolute URL.');
    if (parsed.origin !== origin) {
      throw new DfError(
        'bad-request',
        `Refused to send a request to ${parsed.origin}: this client only talks to ${origin}, so that credentials stay there.`,
      );
    }
    return parsed.href;
  }

  async function send(config: InternalAxiosRequestConfig, checked?: string): Promise<AxiosResponse> {
    let current = checked ?? checkedUrl(config);
    // The config is this request's own copy (axios flattens it per request), so adjust it in place: cheaper
    // than copying it on every call. Callers that need the original validateStatus keep it themselves.
    let hop = config;
    hop.maxRedirects = 0;
    hop.validateStatus = acceptEveryStatus;
    // Browsers' fetch would follow redirects itself, custom headers included; refuse them there instead.
    hop.fetchOptions = config.fetchOptions === undefined ? NO_FETCH_REDIRECTS : { ...config.fetchOptions, redirect: 'error' };
    for (let redirects = 0; ; redirects++) {
      // axios's Node adapter still sends a request whose signal had aborted before it started: never start one.
      if (hop.signal?.aborted === true) throw notSentError();
      const response = await options.adapter(hop);
      if (!REDIRECT_STATUSES.has(response.status)) return response;
      const location = headerValue(response.headers, 'location');
      if (location === undefined) return response;
      const target = parseUrl(location, current);
      if (target === null) return response;
      if (target.origin !== origin) {
        throw new DfError(
          'http',
          `The server redirected to ${target.origin} (HTTP ${response.status}). Credentials are never sent to another origin, so the redirect was not followed. If the instance has moved, update the instance URL to ${target.origin}.`,
          { status: response.status },
        );
      }
      // Same origin is not enough: the API key and token belong to the API, not to whatever else the host serves
      // (another app under /other, the instance's parent path).
      if (!isWithinPath(reducedPath(target.pathname), apiPath)) {
        throw new DfError(
          'http',
          `The server redirected to ${target.origin}${target.pathname} (HTTP ${response.status}), outside the DreamFactory API at ${options.apiBase}. Credentials are only sent to the API, so the redirect was not followed. If the instance has moved, update the instance URL.`,
          { status: response.status },
        );
      }
      if (redirects >= maxRedirects) {
        throw new DfError('http', `The server redirected more than ${maxRedirects} times.`, { status: response.status });
      }
      const method = (hop.method ?? 'get').toLowerCase();
      // As browsers do: 303 always, and 301/302 after a POST, continue as GET without a body.
      const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'post');
      hop = { ...hop, url: target.href, baseURL: undefined, params: undefined };
      if (toGet && method !== 'get' && method !== 'head') {
        hop.method = 'get';
        hop.data = undefined;
        // The adapter wrote the POST's Content-Length into these headers; a bodiless GET must not carry it.
        hop.headers.delete('Content-Type');
        hop.headers.delete('Content-Length');
      }
      current = target.href;
    }
  }

  return { origin, checkedUrl, send };
}
