// Issue 8, item 2 (probe part): "Test connection" reads at most 1 MB per answer, counted after decompression,
// over real loopback HTTP with a real gzip bomb.
import { describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';
import { createDiagnostics, PROBE_MAX_ANSWER_BYTES } from '../../../../electron/main/services/diagnostics.ts';
import type { ProbeCheckId, ProbeReport } from '../../../../shared/ipc/contract.ts';
import { recordingLogger } from '../adapters/fixtures/test-keyring.ts';
import { gzipBombServer } from './fixtures/gzip-bomb.ts';
import { sendJson, tinyServer } from './fixtures/servers.ts';
import { API_KEY } from '../../../fixtures/users.ts';

const MB = 1024 * 1024;
const ATTACK = 300 * MB;

const probe = (url: string, apiKey?: string) =>
  createDiagnostics({ vault: createMemoryVault({ mode: 'keychain' }), logger: recordingLogger() }).probe(
    apiKey === undefined ? { url } : { url, apiKey },
  );

function row(report: ProbeReport, id: ProbeCheckId) {
  const found = report.checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`No ${id} check.`);
  return found;
}

/** The least a DF 7 environment answer needs, padded with `padding` bytes. */
const environmentAnswer = (padding = 0) => ({
  authentication: { admin: { path: 'system/admin/session' }, user: { path: 'user/session' }, login_attribute: 'email' },
  platform: { version: '7.7.0' },
  padding: ' '.repeat(padding),
});

describe('item 2: the probe caps every answer at 1 MB, unpacked', () => {
  it('the cap is 1 MB', () => {
    expect(PROBE_MAX_ANSWER_BYTES).toBe(MB);
  });

  it('item2-probe-environment-gzip-bomb: a 300 MB gzip bomb on the environment call is a plain too-large row, read no further than the cap', async () => {
    const bomb = await gzipBombServer({ unpackedBytes: ATTACK });
    const report = await probe(bomb.url, API_KEY);
    expect(report).toMatchObject({ reachable: true, isDreamFactory: false, apiKeyAccepted: null });
    expect(row(report, 'reachable').ok).toBe(true);
    expect(row(report, 'dreamfactory')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/answer to \/api\/v2\/system\/environment was too large \(over 1 MB\)/),
      nextStep: expect.stringMatching(/root address/),
    });
    expect(row(report, 'api-key').detail).toMatch(/Not checked/);
    // What arrived compressed was far below 1 MB: only the unpacked size can have tripped the cap.
    expect(bomb.sentCompressed).toBeLessThan(MB);
    // The key is not sent to what is not DF.
    expect(bomb.requests.map((r) => r.path)).toEqual(['/api/v2/system/environment']);
  });

  it('item2-probe-api-key-gzip-bomb: a gzip bomb on the API-key check leaves the key unchecked, with a plain reason', async () => {
    const bomb = await gzipBombServer({
      unpackedBytes: ATTACK,
      bombs: (req) => req.url === '/api/v2/system/service',
      otherwise: (_req, res) => sendJson(res, 200, environmentAnswer()),
    });
    const report = await probe(bomb.url, API_KEY);
    expect(report).toMatchObject({ reachable: true, isDreamFactory: true, apiKeyAccepted: null, version: '7.7.0' });
    expect(row(report, 'api-key')).toMatchObject({
      ok: null,
      detail: expect.stringMatching(/could not be checked: the answer was too large \(over 1 MB\)/),
    });
    expect(bomb.sentCompressed).toBeLessThan(MB);
  });

  it('item2-probe-plain-answer: an uncompressed answer over 1 MB is too large; one just under it still works', async () => {
    const server = await tinyServer((req, res) =>
      sendJson(res, 200, environmentAnswer(req.url?.startsWith('/big') ? MB : MB - 4096)),
    );
    const big = await probe(`${server.url}/big`);
    expect(row(big, 'dreamfactory').detail).toMatch(/too large \(over 1 MB\)/);
    const fits = await probe(`${server.url}/fits`);
    expect(fits).toMatchObject({ reachable: true, isDreamFactory: true, version: '7.7.0' });
  });
});
