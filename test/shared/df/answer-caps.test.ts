// Issue 8 item 2 (library part): sign-in, refresh and logout read at most a small answer (a DF session object
// is a few kilobytes), counted after decompression, and `http` takes a default cap from the client's options.
// Real loopback servers: axios's Node adapter counts the bytes its gunzip/inflate/brotli stream puts out, so a
// compression bomb (kilobytes on the wire, tens of megabytes unpacked) fails fast as 'too-large' and the
// socket is cut long before the server has sent everything.
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DfError } from '../../../shared/df/index.ts';
import { ManualClock } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { JANE } from '../../fixtures/users.ts';
import { MemoryTokenStore, makeClient, pauseTimers } from './helpers.ts';
import type { Encoding } from './loopback.ts';
import { bomb, dfToken, json, scriptedServer, sessionAnswer, socketClosed } from './loopback.ts';

const MB = 1024 * 1024;
/** Unpacked size of each bomb: 64 MB of zeros, about 64 KB gzipped (brotli: a few hundred bytes). */
// Large enough that compressing it all takes the server far longer than the client needs to hang up.
const BOMB_BYTES = 512 * MB;
const ENCODINGS: readonly Encoding[] = ['gzip', 'deflate', 'br'];

function expectTooLarge(error: DfError): void {
  expect(error.kind).toBe('network');
  expect(error.transport?.kind).toBe('too-large');
  expect(error.transport?.message).toMatch(/too large/);
}

/** A scripted DF on a manual clock; `answer` decides what each request gets (default: sign-in works). */
async function df(answer: (method: string, path: string, res: ServerResponse, clock: ManualClock) => boolean) {
  const clock = new ManualClock();
  const server = await scriptedServer((req, res) => {
    if (answer(req.method ?? '', req.url ?? '', res, clock)) return;
    if (req.method === 'POST' || req.method === 'PUT') sessionAnswer(res, dfToken(clock, 60));
    else json(res, 200, { success: true });
  });
  return { clock, server };
}

describe('answer caps (issue 8 item 2)', () => {
  it.each(ENCODINGS)('issue 8.2: a sign-in answered with a %s bomb fails fast as too-large, cut mid-stream', async (encoding) => {
    const { clock, server } = await df((method, _path, res) => {
      if (method !== 'POST') return false;
      bomb(res, encoding, BOMB_BYTES);
      return true;
    });
    const store = new MemoryTokenStore();
    const client = makeClient(server.url, store, { clock, timers: pauseTimers(clock) });
    expectTooLarge(await rejection(client.login(JANE), DfError));
    const post = server.sent('POST')[0];
    await socketClosed(post);
    // The client closed the socket before the server could finish the answer: it stopped reading at the cap.
    expect(post?.cut).toBe(true);
    expect(store.saves).toBe(0);
    expect(client.status().state).toBe('signed-out');
  });

  it('issue 8.2: a refresh answer over the cap (2 MB, plain) fails as too-large and the session is kept', async () => {
    const { clock, server } = await df((method, _path, res) => {
      if (method !== 'PUT') return false;
      json(res, 200, { session_token: 'x'.repeat(2 * MB) });
      return true;
    });
    const client = makeClient(server.url, new MemoryTokenStore(), { clock, timers: pauseTimers(clock) });
    await client.login(JANE);
    expectTooLarge(await rejection(client.refresh(), DfError));
    expect(client.status()).toMatchObject({ state: 'active', lastError: { kind: 'network' } });
  });

  it('issue 8.2: a logout answered with a bomb is cut at the cap, and the session still ends here', async () => {
    const { clock, server } = await df((method, _path, res) => {
      if (method !== 'DELETE') return false;
      bomb(res, 'gzip', BOMB_BYTES);
      return true;
    });
    const store = new MemoryTokenStore();
    const client = makeClient(server.url, store, { clock, timers: pauseTimers(clock) });
    await client.login(JANE);
    await client.logout();
    const deleted = server.sent('DELETE')[0];
    await socketClosed(deleted);
    expect(deleted?.cut).toBe(true);
    expect(store.value).toBeNull();
    expect(client.status().state).toBe('signed-out');
  });

  it('issue 8.2: maxContentLength is the default cap of http answers (decompressed); a request’s own cap wins', async () => {
    const { clock, server } = await df((method, path, res) => {
      if (method !== 'GET') return false;
      if (path.startsWith('/api/v2/db/bomb')) bomb(res, 'gzip', BOMB_BYTES);
      else json(res, 200, { resource: 'x'.repeat(2 * MB) });
      return true;
    });
    const client = makeClient(server.url, new MemoryTokenStore(), { clock, timers: pauseTimers(clock), maxContentLength: MB });
    await client.login(JANE);
    expectTooLarge(await rejection(client.http.get('/db/bomb'), DfError));
    await socketClosed(server.sent('GET')[0]);
    expect(server.sent('GET')[0]?.cut).toBe(true);
    expectTooLarge(await rejection(client.http.get('/db/big'), DfError));
    const allowed = await client.http.get('/db/big', { maxContentLength: 4 * MB });
    expect((allowed.data as { resource: string }).resource).toHaveLength(2 * MB);
  });

  it('without maxContentLength, http answers are not capped by the client (as before)', async () => {
    const { clock, server } = await df((method, _path, res) => {
      if (method !== 'GET') return false;
      json(res, 200, { resource: 'x'.repeat(2 * MB) });
      return true;
    });
    const client = makeClient(server.url, new MemoryTokenStore(), { clock, timers: pauseTimers(clock) });
    await client.login(JANE);
    expect(((await client.http.get('/db/big')).data as { resource: string }).resource).toHaveLength(2 * MB);
  });
});
