// Test helpers for shared/df: a counting token store, a client and DF test server on one manual clock, plain
// loopback servers. Users, cleanup, waiting, clocks and rejection() live in test/fixtures/.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createDfClient } from '../../../shared/df/index.ts';
import type { DfClient, DfClientOptions, DfError, Timers, TokenStore } from '../../../shared/df/index.ts';
import type { DfProfile, DfServer, DfServerOptions } from '../../df-server/index.ts';
import { onCleanup } from '../../fixtures/cleanup.ts';
import { InstantTimers, ManualClock } from '../../fixtures/clocks.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY } from '../../fixtures/users.ts';
import { flush, waitFor } from '../../fixtures/waiting.ts';
import { listenOnLoopback } from '../../fixtures/servers.ts';

export const ERAS: readonly DfProfile[] = ['latest', '2.14', '2.0'];

/** In-memory TokenStore that counts calls; several clients may share one. */
export class MemoryTokenStore implements TokenStore {
  value: string | null;
  loads = 0;
  saves = 0;
  clears = 0;

  constructor(initial: string | null = null) {
    this.value = initial;
  }

  async load(): Promise<string | null> {
    this.loads++;
    return this.value;
  }

  async save(token: string): Promise<void> {
    this.saves++;
    this.value = token;
  }

  async clear(): Promise<void> {
    this.clears++;
    this.value = null;
  }
}

export interface Harness {
  server: DfServer;
  client: DfClient;
  store: MemoryTokenStore;
  /** The client's clock, and the server's under its clockOffsetSeconds: no real time passes on either. */
  clock: ManualClock;
  ended: DfError[];
  /** Moves the client's clock and the server's clock forward together. */
  advance(seconds: number): void;
}

export interface HarnessOptions {
  server?: DfServerOptions;
  client?: Partial<DfClientOptions>;
  store?: MemoryTokenStore;
}

/** Longer timers are the calls' total deadlines (30 s by default), not engine pauses. */
const LONGEST_PAUSE_MS = 10_000;
const NEVER = Symbol('a deadline that never fires');

/**
 * InstantTimers for the engine's pauses (a DF 2.0 mint-second guard, under 2 s), while the calls' total
 * deadlines never fire: every loopback answer in these tests is in long before. Deadline tests use ManualTimers.
 */
export function pauseTimers(clock: ManualClock): Timers {
  const instant = new InstantTimers(clock);
  return {
    setTimeout: (callback, ms) => (ms > LONGEST_PAUSE_MS ? NEVER : instant.setTimeout(callback, ms)),
    clearTimeout: (handle) => {
      if (handle !== NEVER) instant.clearTimeout(handle);
    },
  };
}

/**
 * A client and a DF test server (2 s tokens) on one ManualClock; no real time passes on either. The client has
 * no keep-alive, so its timers only pause a refresh (a DF 2.0 mint-second guard): pauseTimers.
 */
export async function harness(profile: DfProfile, options: HarnessOptions = {}): Promise<Harness> {
  const clock = new ManualClock();
  const server = await dfServer({ profile, ttlSeconds: 2, clock, ...options.server });
  const store = options.store ?? new MemoryTokenStore();
  const ended: DfError[] = [];
  const client = makeClient(server.url, store, {
    clock,
    timers: pauseTimers(clock),
    onSessionEnd: (error) => ended.push(error),
    ...options.client,
  });
  return {
    server,
    client,
    store,
    clock,
    ended,
    advance(seconds) {
      clock.t += seconds * 1000;
    },
  };
}

export function makeClient(url: string, store: TokenStore, options: Partial<DfClientOptions> = {}): DfClient {
  const client = createDfClient({ baseURL: url, apiKey: API_KEY, tokens: store, ...options });
  onCleanup(() => client.dispose());
  return client;
}

/** A plain node:http server answering every request with the handler (for non-DF answers). */
export async function plainServer(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ url: string; server: Server; requests: { method: string; url: string; headers: IncomingMessage['headers'] }[] }> {
  const requests: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      handler(req, res, body);
    });
  });
  const port = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}`, server, requests };
}

/**
 * For ManualTimers.settle: waits until a refresh the client started (a keep-alive timer fired) has its answer
 * over loopback, then lets the engine arm its next timer.
 */
export async function refreshSettled(client: DfClient): Promise<void> {
  await flush();
  await waitFor(() => client.status().state !== 'refreshing', 'the refresh to finish');
  await flush();
}

export function hasDfHeaders(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['x-dreamfactory-api-key'] !== undefined || headers['x-dreamfactory-session-token'] !== undefined;
}

export const CONTACTS = '/db/_table/contacts';
