// Test helpers for shared/df: real loopback servers, a counting token store, a skewable client clock.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { createDfClient } from '../../../shared/df/index.ts';
import type { DfClient, DfClientOptions, DfError, TokenStore } from '../../../shared/df/index.ts';
import { startDfServer } from '../../df-server/index.ts';
import type { DfProfile, DfServer, DfServerOptions } from '../../df-server/index.ts';

export const ERAS: readonly DfProfile[] = ['latest', '2.14', '2.0'];
export const API_KEY = 'test-api-key';
export const JANE = { email: 'jane@example.com', password: 'jane-password' };
export const ADMIN = { email: 'admin@example.com', password: 'admin-password' };

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

/** A local clock the test can move forward together with the server's (simulated time, no sleeping). */
export class SkewClock {
  skewMs = 0;
  now = (): number => Date.now() + this.skewMs;
}

const cleanups: (() => Promise<void> | void)[] = [];

export function onCleanup(task: () => Promise<void> | void): void {
  cleanups.push(task);
}

afterEach(async () => {
  const tasks = cleanups.splice(0).reverse();
  for (const task of tasks) await task();
});

export async function dfServer(options: DfServerOptions = {}): Promise<DfServer> {
  const server = await startDfServer(options);
  onCleanup(() => server.close());
  return server;
}

export interface Harness {
  server: DfServer;
  client: DfClient;
  store: MemoryTokenStore;
  clock: SkewClock;
  ended: DfError[];
  /** Moves the client's clock and the server's clock forward together. */
  advance(seconds: number): void;
}

export interface HarnessOptions {
  server?: DfServerOptions;
  client?: Partial<DfClientOptions>;
  store?: MemoryTokenStore;
}

export async function harness(profile: DfProfile, options: HarnessOptions = {}): Promise<Harness> {
  const server = await dfServer({ profile, ttlSeconds: 2, ...options.server });
  const serverOffset = options.server?.clockOffsetSeconds ?? 0;
  const store = options.store ?? new MemoryTokenStore();
  const clock = new SkewClock();
  const ended: DfError[] = [];
  const client = makeClient(server.url, store, {
    clock,
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
      clock.skewMs += seconds * 1000;
      server.setClockOffset(serverOffset + clock.skewMs / 1000);
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
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${port}`, server, requests };
}

/** A port that was just free: nothing listens there. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves to the rejection (fails the test if the promise resolves). */
export async function rejection(promise: Promise<unknown>): Promise<DfError> {
  try {
    await promise;
  } catch (error) {
    return error as DfError;
  }
  throw new Error('expected a rejection');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function hasDfHeaders(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['x-dreamfactory-api-key'] !== undefined || headers['x-dreamfactory-session-token'] !== undefined;
}

export const CONTACTS = '/db/_table/contacts';
