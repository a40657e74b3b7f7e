// Issue 8 item 9: tokens with absurd claims (exp at or before nbf or iat, a 400-digit number in a time claim)
// drove a refresh storm while idle. Such a token is a server error, never a reason to refresh; and however a
// server mints tokens, proactive refreshes come at most once a second, and once per token. Keep-alive clients on
// ManualTimers, counting refreshes over long stretches of fake time; a storm trips a guard instead of hanging.
import { describe, expect, it } from 'vitest';
import { DfError } from '../../../shared/df/index.ts';
import { readTokenClaims } from '../../../shared/df/jwt.ts';
import { SessionEngine } from '../../../shared/df/session.ts';
import type { RefreshOutcome } from '../../../shared/df/session-types.ts';
import { ManualClock, ManualTimers } from '../../fixtures/clocks.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { JANE } from '../../fixtures/users.ts';
import { flush, waitFor } from '../../fixtures/waiting.ts';
import { token } from './engine-fixtures.ts';
import { MemoryTokenStore, makeClient } from './helpers.ts';
import { dfToken, rawJwt, scriptedServer, sessionAnswer } from './loopback.ts';

const DIGITS_400 = '9'.repeat(400);
const HOUR_MS = 3_600_000;
/** More refreshes than this in a test is a storm: stop there instead of spinning. */
const STORM = 1_000;

/** Crafted tokens, each minted now on `clock` (seconds) with impossible times. */
const ABSURD: readonly [string, (now: number) => string][] = [
  ['exp equal to nbf (zero lifetime)', (now) => rawJwt(`{"sub":"s","user_id":1,"forever":false,"iat":${now},"nbf":${now},"exp":${now}}`)],
  ['exp before nbf (negative lifetime)', (now) => rawJwt(`{"sub":"s","user_id":1,"forever":false,"iat":${now},"nbf":${now},"exp":${now - 60}}`)],
  ['exp before iat, no nbf', (now) => rawJwt(`{"sub":"s","user_id":1,"forever":false,"iat":${now},"exp":${now - 1}}`)],
  ['a 400-digit exp', (now) => rawJwt(`{"sub":"s","user_id":1,"forever":false,"iat":${now},"nbf":${now},"exp":${DIGITS_400}}`)],
  ['a 400-digit nbf', (now) => rawJwt(`{"sub":"s","user_id":1,"forever":false,"iat":${now},"nbf":${DIGITS_400},"exp":${now + 60}}`)],
  ['a 400-digit iat, as a string', (now) => rawJwt(`{"sub":"s","user_id":1,"forever":false,"iat":"${DIGITS_400}","exp":${now + 60}}`)],
];

/** A DF answering sign-ins with `login` tokens and refreshes with `refresh` tokens; counts the refreshes. */
async function craftedDf(clock: ManualClock, login: (now: number) => string, refresh: (now: number) => string) {
  const server = await scriptedServer((req, res) => {
    const now = clock.now() / 1000;
    if (req.method === 'PUT' && server.sent('PUT').length > STORM) throw new Error('refresh storm');
    sessionAnswer(res, req.method === 'PUT' ? refresh(now) : login(now));
  });
  return server;
}

describe('absurd token claims (issue 8 item 9)', () => {
  it.each(ABSURD)('issue 8.9: a sign-in whose token has %s fails as a server error; nothing is stored', async (_, craft) => {
    const clock = new ManualClock();
    const server = await craftedDf(clock, craft, craft);
    const store = new MemoryTokenStore();
    const client = makeClient(server.url, store, { clock, timers: new ManualTimers(clock), keepAlive: true });
    const error = await rejection(client.login(JANE), DfError);
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/impossible times/);
    expect(store.saves).toBe(0);
    expect(client.status().state).toBe('signed-out');
  });

  it.each(ABSURD)('issue 8.9: idle for an hour while every refresh brings a token with %s: a few retries, no storm', async (_, craft) => {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const server = await craftedDf(clock, (now) => dfToken(clock, 60, { iat: now, nbf: now }), craft);
    const client = makeClient(server.url, new MemoryTokenStore(), { clock, timers, keepAlive: true });
    timers.settle = async () => {
      // As refreshSettled, polling each event-loop turn: a loopback answer takes well under a millisecond.
      await flush();
      await waitFor(() => client.status().state !== 'refreshing', 'the refresh to finish', { intervalMs: 0 });
      await flush();
      if (server.sent('PUT').length > STORM) throw new Error('refresh storm');
    };
    await client.login(JANE);
    await timers.advance(HOUR_MS);
    const refreshes = server.sent('PUT').length;
    // Keep-alive at 54 s, retries before exp at half the time left, then every 30 s: about 125 in the hour.
    expect(refreshes).toBeGreaterThanOrEqual(5);
    expect(refreshes).toBeLessThanOrEqual(130);
    expect(client.status()).toMatchObject({ state: 'active', lastError: { kind: 'server' } });
    expect(client.status().lastError?.message).toMatch(/impossible times/);
  });

  it.each(ABSURD)('issue 8.9: readTokenClaims refuses a token with %s', (_, craft) => {
    expect(readTokenClaims(craft(1_700_000_000))).toBeNull();
  });
});

describe('proactive refresh floor (issue 8 item 9)', () => {
  function engine(answer: (sent: string, clock: ManualClock) => string) {
    const clock = new ManualClock();
    const timers = new ManualTimers(clock);
    const calls: number[] = [];
    const refresh = async (sent: string): Promise<RefreshOutcome> => {
      calls.push(clock.now());
      if (calls.length > 10 * STORM) throw new Error('refresh storm');
      const next = answer(sent, clock);
      return { ok: true, token: next, claims: readTokenClaims(next)!, sentAt: clock.now(), receivedAt: clock.now() };
    };
    const store = new MemoryTokenStore();
    const sessionEngine = new SessionEngine({ tokens: store, refresh, clock, timers, keepAlive: true, refreshWindowSeconds: 14 * 86_400 });
    return { clock, timers, calls, engine: sessionEngine };
  }

  async function startWith(e: ReturnType<typeof engine>, t: string): Promise<void> {
    await e.engine.start(t, readTokenClaims(t)!, { sentAt: e.clock.now(), receivedAt: e.clock.now() });
  }

  it('issue 8.9: tokens living 1 ms: at most one proactive refresh a second, idle or busy', async () => {
    const e = engine((_, clock) => token({ mint: clock.now() / 1000, ttl: 0.001 }));
    await startWith(e, token({ mint: e.clock.now() / 1000, ttl: 0.001 }));
    await e.timers.advance(600_000);
    expect(e.calls.length).toBeLessThanOrEqual(601);
    for (let i = 1; i < e.calls.length; i++) expect(e.calls[i]! - e.calls[i - 1]!).toBeGreaterThanOrEqual(1000);
    // Requests in between take the token they find instead of refreshing (it is not the client's to fix).
    const before = e.calls.length;
    for (let i = 0; i < 50; i++) {
      await e.engine.acquire(false);
      e.clock.t += 10;
    }
    expect(e.calls.length - before).toBeLessThanOrEqual(1);
  });

  it('issue 8.9: a refresh answered with the very token sent is the last proactive refresh of that token', async () => {
    const e = engine((sent) => sent);
    await startWith(e, token({ mint: e.clock.now() / 1000, ttl: 60 }));
    await e.timers.advance(HOUR_MS);
    expect(e.calls).toHaveLength(1);
    await e.engine.acquire(false);
    expect(e.calls).toHaveLength(1);
  });
});
