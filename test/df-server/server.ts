// node:http plumbing: builds one instance's state, applies redirects/faults, dispatches, counts, answers.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { hostname } from 'node:os';
import { ServerClock } from './clock.ts';
import { DbStore } from './db-store.ts';
import { eraRules } from './era.ts';
import type { EraRules } from './era.ts';
import { DfErrorResponse, eraErrors, errorEnvelope } from './errors-by-era.ts';
import { FaultQueue } from './faults.ts';
import { DEFAULT_API_KEY, DEFAULT_JWT_SECRET, DEFAULT_USERS, makeApps, makeUserRecords } from './fixtures.ts';
import { headerValue, parseBody, readRawBody, writeJson } from './http-util.ts';
import type { DfRequest, DfResponse } from './http-util.ts';
import { parseRoute } from './route-info.ts';
import { routeRequest } from './router.ts';
import type { ServerState } from './state.ts';
import { countRequest, countStatus, createStats, recordRequest } from './stats.ts';
import { invalidateToken, revokeUserTokens } from './token-lifecycle.ts';
import { TokenStore } from './token-store.ts';
import type { DfServer, DfServerOptions, RecordedRequest } from './types.ts';

const DEFAULT_TTL_SECONDS = 3600;
const DEFAULT_REFRESH_TTL_SECONDS = 14 * 24 * 3600;
const TUNNELLED_VERBS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function buildState(options: DfServerOptions): ServerState {
  const era = eraRules(options.profile ?? 'latest');
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const refreshTtlSeconds = options.refreshTtlSeconds ?? DEFAULT_REFRESH_TTL_SECONDS;
  if (!(ttlSeconds > 0) || !(refreshTtlSeconds > 0)) throw new Error('ttlSeconds and refreshTtlSeconds must be positive');
  return {
    era,
    errors: eraErrors(era),
    clock: new ServerClock(options.clockOffsetSeconds ?? 0, options.clock),
    tokens: new TokenStore(),
    users: makeUserRecords(options.users ?? DEFAULT_USERS),
    apps: makeApps(options.apiKey ?? DEFAULT_API_KEY, options.guestRole ?? true),
    jwtSecret: DEFAULT_JWT_SECRET,
    ttlSeconds,
    refreshTtlSeconds,
    allowForever: options.allowForever ?? false,
    loginAttribute: options.loginAttribute ?? 'email',
    version: options.version ?? era.defaultVersion,
    hostName: hostname(),
    db: new DbStore(),
  };
}

/** What nginx answers for a path it has no file for and no rewrite rule to hand on. */
function writeWebServer404(res: ServerResponse): void {
  const page = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
  res.writeHead(404, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(page) });
  res.end(page);
}

/** Latest's VerbOverrides: POST + X-HTTP-Method / X-Method-Override / ?method=, MERGE meaning PATCH. */
function effectiveMethod(era: EraRules, req: IncomingMessage, url: URL): string {
  const method = (req.method ?? 'GET').toUpperCase();
  if (!era.verbTunnelling || method !== 'POST') return method;
  const override = (
    headerValue(req.headers, 'x-http-method') ??
    headerValue(req.headers, 'x-method-override') ??
    url.searchParams.get('method') ??
    ''
  ).toUpperCase();
  const verb = override === 'MERGE' ? 'PATCH' : override;
  return TUNNELLED_VERBS.has(verb) ? verb : method;
}

function errorResponse(era: EraRules, error: unknown): DfResponse {
  const failure =
    error instanceof DfErrorResponse
      ? error
      : new DfErrorResponse(500, error instanceof Error ? error.message : 'Internal error');
  return { status: failure.status, body: errorEnvelope(era, failure) };
}

export async function startDfServer(options: DfServerOptions = {}): Promise<DfServer> {
  const state = buildState(options);
  const stats = createStats();
  const requestLog: RecordedRequest[] = [];
  const faults = new FaultQueue();
  const redirects = new Map<string, { location: string; status: number }>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let rewriteRules = options.rewriteRules ?? true;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? `127.0.0.1:${port}`;
    const url = new URL(req.url ?? '/', `http://${host}`);
    const rawMethod = (req.method ?? 'GET').toUpperCase();
    countRequest(stats, rawMethod, url.pathname);
    recordRequest(requestLog, { method: rawMethod, path: `${url.pathname}${url.search}`, headers: { ...req.headers } });

    // DF's front controller routes /index.php/api/v2/… itself; only /api/v2/… needs the web server's rewrite rules.
    const viaIndexPhp = url.pathname.startsWith('/index.php/');
    if (viaIndexPhp) url.pathname = url.pathname.slice('/index.php'.length);
    else if (!rewriteRules && url.pathname.startsWith('/api/')) {
      writeWebServer404(res);
      return;
    }

    const redirect = redirects.get(url.pathname);
    if (redirect !== undefined) {
      res.writeHead(redirect.status, { Location: redirect.location, 'Content-Length': 0 });
      res.end();
      return;
    }

    const method = effectiveMethod(state.era, req, url);
    const isRefresh = method === 'PUT' && parseRoute(url.pathname, method)?.isSessionPath === true;
    if (isRefresh) {
      stats.refreshAttempts += 1;
      const fault = faults.take();
      if (fault?.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'http500') {
        const response = errorResponse(state.era, new DfErrorResponse(500, 'Internal Server Error (injected fault).'));
        writeJson(res, response);
        return;
      }
      if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 1000);
    }

    const raw = await readRawBody(req);
    const dfRequest: DfRequest = {
      method,
      pathname: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(raw, headerValue(req.headers, 'content-type')),
      urlWithoutQuery: `http://${host}${url.pathname}`,
    };
    let response: DfResponse;
    try {
      response = routeRequest(state, dfRequest, `http://${host}`);
    } catch (error) {
      response = errorResponse(state.era, error);
    }
    if (isRefresh && response.status === 200) stats.refreshSuccesses += 1;
    countStatus(stats, response.status);
    if (!res.destroyed) writeJson(res, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) writeJson(res, errorResponse(state.era, error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listenHost = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${listenHost}:${port}`,
    port,
    stats,
    requestLog,
    // Idempotent: a test may close its server itself and leave the cleanup to close it again.
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
    setFault: (fault) => faults.set(fault),
    setClockOffset: (seconds) => state.clock.setOffset(seconds),
    blacklistToken: (token) => invalidateToken(state, token),
    revokeUser: (email) => {
      const user = state.users.find((candidate) => candidate.email.toLowerCase() === email.toLowerCase());
      if (user === undefined) throw new Error(`No such user: ${email}`);
      revokeUserTokens(state, user);
    },
    setRedirect: (pathname, location, status = 302) => {
      redirects.set(pathname, { location, status });
    },
    setAllowForever: (allow) => {
      state.allowForever = allow;
    },
    setRewriteRules: (present) => {
      rewriteRules = present;
    },
  };
}
