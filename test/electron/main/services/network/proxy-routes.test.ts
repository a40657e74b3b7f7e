// Route answers per origin: asked once per few seconds, bad proxies last for a while, failures mean DIRECT.
import { describe, expect, it } from 'vitest';
import type { ProxyChoice } from '../../../../../electron/main/services/network/proxy-rules.ts';
import { choiceLabel } from '../../../../../electron/main/services/network/proxy-rules.ts';
import { BAD_PROXY_MS, ProxyRoutes, ROUTE_TTL_MS } from '../../../../../electron/main/services/network/proxy-routes.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';
import { ManualClock, ManualTimers } from '../../../../fixtures/clocks.ts';

const labels = (choices: readonly ProxyChoice[]) => choices.map(choiceLabel);

function routesAnswering(answer: (url: string) => Promise<string>) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const logger = recordingLogger();
  const asked: string[] = [];
  const routes = new ProxyRoutes({
    resolve: (url) => {
      asked.push(url);
      return answer(url);
    },
    logger,
    clock,
    timers,
  });
  return { routes, asked, logger, clock, timers };
}

describe('ProxyRoutes', () => {
  it('asks for the origin only (never a path), once per origin while the answer is fresh', async () => {
    const { routes, asked, clock, logger } = routesAnswering(async () => 'PROXY corp:8080; DIRECT');
    const many = await Promise.all(Array.from({ length: 100 }, () => routes.choicesFor('https://df.corp:8443')));
    expect(labels(many[99] ?? [])).toEqual(['PROXY corp:8080', 'DIRECT']);
    await routes.choicesFor('https://other.corp');
    expect(asked).toEqual(['https://df.corp:8443/', 'https://other.corp/']);
    clock.t += ROUTE_TTL_MS;
    await routes.choicesFor('https://df.corp:8443');
    expect(asked).toHaveLength(3);
    // Each route is logged once, not per request or per renewal.
    expect(logger.lines.filter((line) => line.message.startsWith('Route to a DreamFactory server'))).toEqual([
      expect.objectContaining({ level: 'info', fields: { origin: 'https://df.corp:8443', route: 'PROXY corp:8080; DIRECT' } }),
      expect.objectContaining({ fields: { origin: 'https://other.corp', route: 'PROXY corp:8080; DIRECT' } }),
    ]);
  });

  it('a proxy marked bad is tried last until BAD_PROXY_MS have passed', async () => {
    const { routes, clock, logger } = routesAnswering(async () => 'PROXY dead:1; PROXY alive:2; DIRECT');
    const [dead] = await routes.choicesFor('https://df.corp');
    if (dead === undefined) throw new Error('no choice');
    routes.markBad(dead, 'ECONNREFUSED');
    expect(labels(await routes.choicesFor('https://df.corp'))).toEqual(['PROXY alive:2', 'DIRECT', 'PROXY dead:1']);
    expect(labels(await routes.choicesFor('https://another.corp'))).toEqual(['PROXY alive:2', 'DIRECT', 'PROXY dead:1']);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: { proxy: 'PROXY dead:1', reason: 'ECONNREFUSED' } }),
    );
    clock.t += BAD_PROXY_MS;
    expect(labels(await routes.choicesFor('https://df.corp'))).toEqual(['PROXY dead:1', 'PROXY alive:2', 'DIRECT']);
  });

  it('skipped SOCKS entries are logged with the answer', async () => {
    const { routes, logger } = routesAnswering(async () => 'SOCKS5 socks.corp:1080');
    expect(labels(await routes.choicesFor('https://df.corp'))).toEqual(['DIRECT']);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: expect.stringMatching(/SOCKS and QUIC are not supported/),
        fields: { origin: 'https://df.corp', skipped: ['SOCKS5 socks.corp:1080'], fallback: 'DIRECT' },
      }),
    );
  });

  it('a resolver that fails means DIRECT, logged once', async () => {
    const { routes, logger, clock } = routesAnswering(async () => {
      throw new Error('session destroyed');
    });
    expect(labels(await routes.choicesFor('https://df.corp'))).toEqual(['DIRECT']);
    clock.t += ROUTE_TTL_MS;
    expect(labels(await routes.choicesFor('https://df.corp'))).toEqual(['DIRECT']);
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([
      expect.objectContaining({ fields: { origin: 'https://df.corp', reason: 'session destroyed' } }),
    ]);
  });

  it('a resolver that hangs means DIRECT after RESOLVE_TIMEOUT_MS', async () => {
    const { routes, timers, logger } = routesAnswering(() => new Promise<string>(() => undefined));
    const choices = routes.choicesFor('https://df.corp');
    await timers.advance(10_000);
    expect(labels(await choices)).toEqual(['DIRECT']);
    expect(logger.lines).toContainEqual(expect.objectContaining({ fields: { origin: 'https://df.corp', reason: 'No answer within 10 s.' } }));
  });
});
