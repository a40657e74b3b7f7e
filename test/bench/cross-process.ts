/**
 * The cross-process storm: the app's desk and `cliProcesses` separate processes, each opening the desk as
 * `dfdesk` does (createDesk on the same data folder and keychain, with its file refresh lock), fire
 * `perProcess` GETs each right after the shared token expired. The N+1 limit: one refresh PUT for all of them.
 * Needs a Secret Service (npm run bench starts a private one), since only a real keychain is shared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDesk } from '../../electron/main/desk.ts';
import type { Logger } from '../../electron/main/ports.ts';
import { loadTestKeytar, removeService, uniqueService } from '../electron/main/adapters/fixtures/test-keyring.ts';
import { ChildDesk, OffsetClock } from '../electron/main/services/sessions/fixtures/child-desk-process.ts';
import { startDfServer } from '../df-server/index.ts';
import { API_KEY, JANE } from '../fixtures/users.ts';

export interface CrossProcessResult {
  processes: number;
  requests: number;
  /** Server requests after sign-in: the GETs plus every refresh PUT. */
  serverRequests: number;
  refreshPuts: number;
  succeeded: number;
  /** Sessions that asked for a new sign-in afterwards (app and children). */
  ended: number;
}

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export async function runCrossProcessStorm(cliProcesses = 3, perProcess = 20): Promise<CrossProcessResult> {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const clock = new OffsetClock();
    const server = await startDfServer({ ttlSeconds: 60, clock });
    cleanups.push(() => server.close());
    const vaultService = uniqueService();
    const keytar = await loadTestKeytar();
    cleanups.push(() => removeService(keytar, vaultService));
    const dataDir = mkdtempSync(join(tmpdir(), 'dfdesk-bench-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const app = await createDesk({ dataDir, vaultService, clock, logger: quiet });
    cleanups.push(() => app.dispose());
    const { id } = await app.api.instances.add({ name: 'DF', url: server.url, apiKey: API_KEY });
    await app.api.session.signIn(id, JANE);
    const children = Array.from({ length: cliProcesses }, () => ChildDesk.start((kill) => cleanups.push(kill)));
    await Promise.all(children.map((child) => child.call({ op: 'open', dataDir, vaultService, offsetMs: 0 })));
    server.stats.reset();
    clock.offsetMs += 61_000;
    await Promise.all(children.map((child) => child.call({ op: 'clock', offsetMs: clock.offsetMs })));
    const get = () => app.api.request(id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
    const [here, ...there] = await Promise.all([
      Promise.allSettled(Array.from({ length: perProcess }, get)),
      ...children.map((child) => child.call({ op: 'requests', instanceId: id, count: perProcess })),
    ]);
    const statuses = [
      ...here.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.status : 0)),
      ...there.flatMap((answer) => answer.statuses ?? []),
    ];
    const sessions = [await app.api.session.status(id), ...there.map((answer) => answer.session)];
    return {
      processes: cliProcesses + 1,
      requests: statuses.length,
      serverRequests: server.stats.requests,
      refreshPuts: server.stats.refreshAttempts,
      succeeded: statuses.filter((status) => status === 200).length,
      ended: sessions.filter((status) => status?.state !== 'active').length,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}
