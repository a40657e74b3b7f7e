// Issue 8 item 4 (library part): a server that trickles its answer a byte at a time never lets axios's socket
// timeout fire (the line is never idle). Every call through the client has a total deadline on the injected
// timers instead, and logout() does not wait behind a stuck refresh. The client runs on ManualTimers: each test
// moves them past a deadline and checks, over real loopback, that the call rejected and its socket was closed.
import type { ServerResponse } from 'node:http';
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import type { DfClientOptions } from '../../../shared/df/index.ts';
import { DfError } from '../../../shared/df/index.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { waitFor } from '../../fixtures/waiting.ts';
import { JANE } from '../../fixtures/users.ts';
import { MemoryTokenStore, makeClient } from './helpers.ts';
import { dfToken, json, scriptedServer, sessionAnswer, socketClosed, tracked, trickle } from './loopback.ts';
import type { Exchange } from './loopback.ts';

/** A DF whose sign-in works (1-minute tokens) and whose other answers `slow` may trickle. */
async function slowDf(slow: (method: string, path: string) => boolean, client: Partial<DfClientOptions> = {}) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const server = await scriptedServer((req, res: ServerResponse) => {
    const method = req.method ?? '';
    const path = req.url ?? '';
    if (method === 'POST' && path === '/api/v2/user/session') sessionAnswer(res, dfToken(clock, 60));
    else if (slow(method, path)) trickle(res);
    else if (method === 'PUT') sessionAnswer(res, dfToken(clock, 60));
    else json(res, 200, method === 'DELETE' ? { success: true } : { resource: [] });
  });
  const store = new MemoryTokenStore();
  const dfClient = makeClient(server.url, store, { clock, timers, ...client });
  return { clock, timers, server, store, client: dfClient };
}

/** Waits on real I/O until the server has received a request of `method`, and returns its exchange. */
async function received(server: { sent(method: string): Exchange[] }, method: string): Promise<Exchange> {
  await waitFor(() => server.sent(method).length > 0, `a ${method} to reach the server`);
  return server.sent(method)[0] as Exchange;
}

function expectDeadlineError(error: DfError): void {
  expect(error.kind).toBe('network');
  expect(error.transport).toMatchObject({ kind: 'network', code: 'ETIMEDOUT' });
  expect(error.transport?.message).toMatch(/did not answer in time/);
  expect(error.message).toMatch(/did not answer in time/);
}

describe('total deadlines (issue 8 item 4)', () => {
  it('issue 8.4: a refresh trickled a byte at a time fails at the session call deadline; its socket is closed and the session kept', async () => {
    const { timers, server, client } = await slowDf((method) => method === 'PUT', { sessionCallTimeoutMs: 5_000 });
    await client.login(JANE);
    const refreshing = tracked(client.refresh());
    const put = await received(server, 'PUT');
    await timers.advance(4_999);
    expect(refreshing.settled()).toBe(false);
    await timers.advance(1);
    await waitFor(refreshing.settled, 'the refresh to reject at its deadline');
    expectDeadlineError(await rejection(refreshing.promise, DfError));
    await socketClosed(put);
    expect(put.cut).toBe(true);
    expect(client.status()).toMatchObject({ state: 'active', lastError: { kind: 'network' } });
  });

  it('issue 8.4: an http request’s timeout is a total deadline: a trickled answer is cut there, socket closed', async () => {
    const { timers, server, client } = await slowDf((method, path) => method === 'GET' && path.startsWith('/api/v2/db/'));
    await client.login(JANE);
    const reading = tracked(client.http.get('/db/_table/contacts', { timeout: 2_000 }));
    const get = await received(server, 'GET');
    await timers.advance(2_000);
    await waitFor(reading.settled, 'the request to reject at its deadline');
    expectDeadlineError(await rejection(reading.promise, DfError));
    await socketClosed(get);
    expect(get.cut).toBe(true);
  });

  it('issue 8.4: the same through axios’s fetch adapter (what a browser build uses)', async () => {
    const { timers, server, client } = await slowDf((method) => method === 'GET', { adapter: 'fetch' });
    await client.login(JANE);
    const reading = tracked(client.http.get('/db/_table/contacts', { timeout: 2_000 }));
    const get = await received(server, 'GET');
    await timers.advance(2_000);
    await waitFor(reading.settled, 'the request to reject at its deadline');
    expectDeadlineError(await rejection(reading.promise, DfError));
    await socketClosed(get);
  });

  it('issue 8.4: requestTimeoutMs is the default total deadline of http requests', async () => {
    const { timers, server, client } = await slowDf((method) => method === 'GET', { requestTimeoutMs: 3_000 });
    await client.login(JANE);
    const reading = tracked(client.http.get('/db/_table/contacts'));
    const get = await received(server, 'GET');
    await timers.advance(3_000);
    await waitFor(reading.settled, 'the request to reject at the default deadline');
    expectDeadlineError(await rejection(reading.promise, DfError));
    await socketClosed(get);
  });

  it('issue 8.4: a request waiting for a stuck refresh gives up at its own deadline', async () => {
    const { timers, server, client } = await slowDf((method) => method === 'PUT', { sessionCallTimeoutMs: 30_000 });
    await client.login(JANE);
    await timers.advance(59_000); // inside the leeway of the 60 s token: the next request refreshes first
    const reading = tracked(client.http.get('/db/_table/contacts', { timeout: 1_000 }));
    await received(server, 'PUT');
    await timers.advance(1_000);
    await waitFor(reading.settled, 'the request to give up');
    expectDeadlineError(await rejection(reading.promise, DfError));
    expect(server.sent('GET')).toHaveLength(0);
    expect(client.status().state).toBe('refreshing');
  });

  it('issue 8.4: a request given up at its deadline is never sent later, once the refresh it waited for lands', async () => {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    let releasePut: () => void = () => undefined;
    const server = await scriptedServer((req, res) => {
      if (req.method === 'POST') sessionAnswer(res, dfToken(clock, 60));
      else if (req.method === 'PUT') releasePut = () => sessionAnswer(res, dfToken(clock, 60));
      else json(res, 200, { resource: [] });
    });
    const client = makeClient(server.url, new MemoryTokenStore(), { clock, timers });
    await client.login(JANE);
    await timers.advance(59_000);
    const reading = tracked(client.http.post('/db/_table/contacts', { resource: [{ name: 'x' }] }, { timeout: 1_000 }));
    await received(server, 'PUT');
    await timers.advance(1_000);
    await waitFor(reading.settled, 'the request to give up');
    expectDeadlineError(await rejection(reading.promise, DfError));
    releasePut();
    await waitFor(() => client.status().refreshCount === 1, 'the refresh to land');
    await client.http.get('/db/_table/contacts');
    expect(server.exchanges.map((exchange) => exchange.method)).toEqual(['POST', 'PUT', 'GET']);
  });

  it('issue 8.4: logout({ deadlineMs }) waits that long for a stuck refresh, signs out locally, and never sends the token again', async () => {
    const { timers, server, store, client } = await slowDf((method) => method === 'PUT', { sessionCallTimeoutMs: 30_000 });
    await client.login(JANE);
    const token = store.value;
    const refreshing = client.refresh().catch((error: unknown) => error);
    const put = await received(server, 'PUT');
    const loggingOut = tracked(client.logout({ deadlineMs: 1_000 }));
    await timers.advance(1_000);
    await waitFor(loggingOut.settled, 'logout to finish at its deadline');
    await loggingOut.promise;
    expect(client.status().state).toBe('signed-out');
    expect(store.value).toBeNull();
    // The stuck refresh is given up with it: its socket closes, and nothing else is sent, then or later.
    await socketClosed(put);
    expect(await refreshing).toBeInstanceOf(DfError);
    await timers.advance(30_000);
    expect(client.status().state).toBe('signed-out');
    expect(store.value).toBeNull();
    expect(server.exchanges.map((exchange) => exchange.method)).toEqual(['POST', 'PUT']);
    const carried = server.exchanges.filter((exchange) => exchange.headers['x-dreamfactory-session-token'] === token);
    expect(carried).toEqual([put]);
  });

  it('issue 8.4: logout() without a deadline waits at most the session call timeout for a stuck refresh', async () => {
    const { timers, server, client } = await slowDf((method) => method === 'PUT', { sessionCallTimeoutMs: 5_000 });
    await client.login(JANE);
    const refreshing = client.refresh().catch((error: unknown) => error);
    await received(server, 'PUT');
    const loggingOut = tracked(client.logout());
    await timers.advance(5_000);
    await waitFor(loggingOut.settled, 'logout to finish within the session call timeout');
    await loggingOut.promise;
    expect(await refreshing).toBeInstanceOf(DfError);
    expect(client.status().state).toBe('signed-out');
  });

  it('a caller’s own signal still cancels a request that has a deadline (axios’s CanceledError, as before)', async () => {
    const { server, client } = await slowDf((method) => method === 'GET');
    await client.login(JANE);
    const controller = new AbortController();
    const reading = client.http.get('/db/_table/contacts', { timeout: 60_000, signal: controller.signal });
    const get = await received(server, 'GET');
    controller.abort();
    expect(axios.isCancel(await reading.catch((error: unknown) => error))).toBe(true);
    await socketClosed(get);
  });

  it('dispose() drops the deadline timers of session calls in flight: a disposed client keeps no timer', async () => {
    const { timers, server, client } = await slowDf((method) => method === 'PUT');
    await client.login(JANE);
    const refreshing = client.refresh().catch((error: unknown) => error);
    await received(server, 'PUT');
    expect(timers.pending.size).toBe(1); // the refresh's deadline (no keep-alive here)
    client.dispose();
    expect(timers.pending.size).toBe(0);
    void refreshing;
  });

  it('issue 8.4: dispose() then logout({ deadlineMs }) (how the desk ends a session): bounded too, nothing left behind', async () => {
    const { timers, server, store, client } = await slowDf((method) => method === 'PUT', { sessionCallTimeoutMs: 30_000 });
    await client.login(JANE);
    const refreshing = client.refresh().catch((error: unknown) => error);
    const put = await received(server, 'PUT');
    client.dispose();
    const loggingOut = tracked(client.logout({ deadlineMs: 2_000 }));
    await timers.advance(2_000);
    await waitFor(loggingOut.settled, 'logout to finish at its deadline');
    expect(client.status().state).toBe('signed-out');
    expect(store.value).toBeNull();
    await socketClosed(put);
    expect(await refreshing).toBeInstanceOf(DfError);
    expect(timers.pending.size).toBe(0);
    expect(server.sent('DELETE')).toHaveLength(0);
  });

  it('logout() still sends DELETE with the token when no refresh holds it up', async () => {
    const { server, store, client } = await slowDf(() => false);
    await client.login(JANE);
    const token = store.value;
    await client.logout({ deadlineMs: 1_000 });
    expect(server.sent('DELETE')).toHaveLength(1);
    expect(server.sent('DELETE')[0]?.headers['x-dreamfactory-session-token']).toBe(token);
    expect(client.status().state).toBe('signed-out');
  });
});
