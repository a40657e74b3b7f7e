/**
 * The renderer's only way to talk to DF: `request(instanceId, { method, path, params, data, confirmed })`
 * runs through that instance's DfClient (API key and token attached in the main process, refreshes shared).
 *
 * What comes back, and why:
 * - Every HTTP answer DF gives, 2xx or not, RESOLVES as `{ status, data, headers, durationMs }`: the API
 *   console and the data browser must show DF's own error envelope (a 404 table, a 400 filter error, a 403
 *   role message) as an answer, not as a failure of the app.
 * - It REJECTS (DeskError) only when there is no answer to show: 'session-ended' (the token is dead; the UI
 *   opens the sign-in dialog), 'network' / 'tls' (nothing came back), 'too-large', the refusals decided
 *   before sending ('refused', 'confirmation-required', 'invalid-input', 'unknown-instance'), and a refresh
 *   the request needed first that failed without ending the session ('server' / 'network': never sent).
 * - Answers are scrubbed: DF's session objects echo the token (`session_token`, `session_id`), and nothing
 *   JWT-shaped or equal to the instance's API key may reach the renderer. Cookies are dropped.
 */
import type { Instance, ProxyRequest, ProxyResponse } from '../../../shared/ipc/contract.ts';
import { redactData } from '../../../shared/secrets.ts';
import { destructiveMethods, proxyRequestSchema } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { Logger } from '../ports.ts';
import type { InstanceRegistry } from './instance-registry.ts';
import { resolveProxyPath } from './requests/proxy-path.ts';
import { toHeaderMap } from './requests/response-headers.ts';
import { toDeskError } from './requests/to-desk-error.ts';
import type { SessionManager } from './session-manager.ts';

export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

export interface RequestProxy {
  /** Rejects only with a DeskError, so the desk exposes it as it is. Safe to pass around unbound. */
  request(instanceId: string, request: ProxyRequest): Promise<ProxyResponse>;
}

export interface RequestProxyDeps {
  registry: Pick<InstanceRegistry, 'get'>;
  sessions: Pick<SessionManager, 'client'>;
  logger: Logger;
  /** Largest answer (and request body) in bytes; default 50 MB. */
  maxBytes?: number;
  timeoutMs?: number;
}

const sessionRoutes: ReadonlySet<string> = new Set(['/user/session', '/system/admin/session']);

function parseRequest(input: ProxyRequest): ProxyRequest {
  const parsed = proxyRequestSchema.safeParse(input);
  if (!parsed.success) throw new DeskError('invalid-input', parsed.error.issues[0]?.message ?? 'The request is not valid.');
  return parsed.data;
}

function bodyBytes(data: unknown): number {
  if (data === undefined) return 0;
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

export function createRequestProxy(deps: RequestProxyDeps): RequestProxy {
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  /** The checks made before anything is sent; each refusal is a DeskError. */
  function checked(instanceId: string, input: ProxyRequest) {
    const req = parseRequest(input);
    const instance = deps.registry.get(instanceId);
    const target = resolveProxyPath(instance.url, req.path);
    if (sessionRoutes.has(target.route) && req.method !== 'GET') {
      // A console call here would replace or end the token behind the session manager's back.
      throw new DeskError(
        'refused',
        'Use Sign in, Refresh now and Sign out for the session; the console only reads it (GET).',
      );
    }
    if (instance.tag === 'prod' && destructiveMethods.includes(req.method) && req.confirmed !== true) {
      throw new DeskError(
        'confirmation-required',
        `${req.method} changes data on "${instance.name}", a production instance. Confirm to send it.`,
      );
    }
    if (bodyBytes(req.data) > maxBytes) {
      throw new DeskError('too-large', 'The request body is too large to send. Send the data in smaller batches.');
    }
    return { req, target, instance };
  }

  async function send(instance: Instance, req: ProxyRequest, path: string): Promise<ProxyResponse> {
    const { client, apiKey } = await deps.sessions.client(instance.id, instance);
    const started = performance.now();
    const response = await client.http.request({
      method: req.method,
      url: path,
      params: req.params,
      data: req.data,
      headers: { Accept: 'application/json' },
      // Non-2xx DF answers are results for the console (see the header comment).
      validateStatus: () => true,
      maxContentLength: maxBytes,
      maxBodyLength: maxBytes,
      timeout: timeoutMs,
    });
    const secrets = [apiKey];
    return {
      status: response.status,
      data: redactData(response.data, { secrets }),
      headers: toHeaderMap(response.headers, secrets),
      durationMs: Math.round(performance.now() - started),
    };
  }

  async function request(instanceId: string, input: ProxyRequest): Promise<ProxyResponse> {
    let route: string | undefined;
    try {
      const { req, target, instance } = checked(instanceId, input);
      route = target.route;
      return await send(instance, req, target.path);
    } catch (error) {
      const failure = toDeskError(error, deps.logger);
      if (route !== undefined) {
        deps.logger.info('A proxied request failed.', { instanceId, method: input.method, route, kind: failure.kind });
      }
      throw failure;
    }
  }

  return { request };
}
