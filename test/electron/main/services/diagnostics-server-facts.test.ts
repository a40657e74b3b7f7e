// The probe's reading of the environment for the forever-sessions doctor, over real loopback HTTP.
import { describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';
import { createDiagnostics } from '../../../../electron/main/services/diagnostics.ts';
import type { ProbeReport } from '../../../../shared/ipc/contract.ts';
import { closedPortUrl, dfServer } from '../../../fixtures/servers.ts';
import { API_KEY } from '../../../fixtures/users.ts';
import { recordingLogger } from '../adapters/fixtures/test-keyring.ts';
import { sendHtml, tinyServer } from './fixtures/servers.ts';

const probe = (input: { url: string; apiKey?: string }) =>
  createDiagnostics({ vault: createMemoryVault({ mode: 'keychain' }), logger: recordingLogger() }).probe(input);
const dreamfactoryRow = (report: ProbeReport) => report.checks.find((c) => c.id === 'dreamfactory');

describe('ProbeReport.server', () => {
  it('DreamFactory: the two settings and the version', async () => {
    const server = await dfServer({ allowForever: false, loginAttribute: 'username' });
    expect((await probe({ url: server.url, apiKey: API_KEY })).server).toEqual({
      kind: 'environment',
      allowForeverSessions: false,
      loginAttribute: 'username',
      version: '7.7.0',
    });
  });

  it('no version when DF hides it (2.10+ without a key)', async () => {
    const server = await dfServer({ profile: '2.14', allowForever: true });
    expect((await probe({ url: server.url })).server).toEqual({ kind: 'environment', allowForeverSessions: true, loginAttribute: 'email' });
  });

  it('missing rewrite rules: the web server’s 404, DF found behind /index.php, and the hint in the check', async () => {
    const server = await dfServer({ rewriteRules: false });
    const report = await probe({ url: server.url, apiKey: API_KEY });
    expect(report.server).toEqual({ kind: 'web-server-404', status: 404, contentType: 'text/html', dreamFactoryBehindIndexPhp: true });
    expect(dreamfactoryRow(report)).toMatchObject({ ok: false, detail: expect.stringContaining('rewrite rules are missing') });
    expect(dreamfactoryRow(report)?.nextStep).toContain('try_files $uri $uri/ /index.php?$query_string;');
    expect(dreamfactoryRow(report)?.nextStep).toContain('AllowOverride All');
    expect(server.requestLog.map((r) => r.path)).toEqual(['/api/v2/system/environment', '/index.php/api/v2/system/environment']);
    // The second look is public: the key goes nowhere the user did not name.
    expect(server.requestLog[1]?.headers['x-dreamfactory-api-key']).toBeUndefined();
  });

  it('a plain 404 with nothing behind /index.php: not confirmed, and the hint is offered as a maybe', async () => {
    const web = await tinyServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not Found');
    });
    const report = await probe({ url: web.url });
    expect(report.server).toEqual({ kind: 'web-server-404', status: 404, contentType: 'text/plain', dreamFactoryBehindIndexPhp: false });
    expect(dreamfactoryRow(report)?.nextStep).toMatch(/root address.*may lack the rewrite rules/);
  });

  it('a web page is not DreamFactory, and nothing more is asked', async () => {
    const web = await tinyServer((_req, res) => sendHtml(res, 200, '<!doctype html><title>Welcome</title>'));
    const report = await probe({ url: web.url });
    expect(report.server).toMatchObject({ kind: 'not-dreamfactory', detail: expect.stringContaining('web page') });
    expect(web.requests).toHaveLength(1);
  });

  it('nothing listening: unreachable, with the next step', async () => {
    const report = await probe({ url: await closedPortUrl() });
    expect(report.server).toMatchObject({ kind: 'unreachable', detail: expect.stringMatching(/refused/i), nextStep: expect.any(String) });
  });
});
