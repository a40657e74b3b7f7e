/**
 * What the desk adds on top of the session library: `desk.api.request` (the request proxy: checks, the
 * instance's client, scrubbing) and the same request as the renderer sends it through IPC dispatch (zod on
 * the payload), against the engine's own `client.http`, signed in the same way, on one DF test server, in
 * rotating blocks in one run so machine noise hits every side alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createMemoryVault } from '../../electron/main/adapters/memory-vault.ts';
import type { ConfLikeConstructor } from '../../electron/main/adapters/settings-store.ts';
import { createDesk } from '../../electron/main/desk.ts';
import type { Logger } from '../../electron/main/ports.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { startDfServer } from '../df-server/index.ts';
import { API_KEY, JANE } from '../fixtures/users.ts';
import { dfDeskContender } from './contenders.ts';
import type { OverheadResult } from './overhead.ts';
import type { Side } from './side-by-side.ts';
import { timeSideBySide } from './side-by-side.ts';

const PATH = '/db/_table/contacts/1';
const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export async function runDeskOverhead(requestsPerSide = 5000): Promise<OverheadResult> {
  const server = await startDfServer({ ttlSeconds: 3600 });
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const desk = await createDesk({
    dataDir,
    vault: createMemoryVault({ mode: 'keychain' }),
    logger: silent,
    settingsStore: Conf as unknown as ConfLikeConstructor,
  });
  try {
    const engine = await dfDeskContender(server.url, API_KEY, true);
    const instance = await desk.api.instances.add({ name: 'Bench', url: server.url, apiKey: API_KEY });
    await desk.api.session.signIn(instance.id, JANE);
    const request = { method: 'GET', path: PATH } as const;
    const sides: Side[] = [
      { name: "engine's client.http", get: () => engine.get(PATH) },
      { name: 'desk.api.request', get: () => desk.api.request(instance.id, request) },
      { name: 'IPC dispatch → desk', get: () => dispatch(desk.api, 'request', { id: instance.id, request }) },
    ];
    // Every side must really fetch the record, or the table would time refusals.
    const engineAnswer = (await engine.get(PATH)) as { data: unknown };
    const answers = [engineAnswer.data, (await desk.api.request(instance.id, request)).data, await sides[2]!.get()];
    for (const answer of answers) {
      if (!JSON.stringify(answer).includes('"id":1')) throw new Error(`A side did not fetch the record: ${JSON.stringify(answer)}`);
    }
    const result = await timeSideBySide(sides, requestsPerSide);
    engine.dispose();
    return result;
  } finally {
    await desk.dispose();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
