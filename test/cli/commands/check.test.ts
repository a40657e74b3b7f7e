import { describe, expect, it } from 'vitest';
import { checkExitCode, looksLikeUrl } from '../../../electron/cli/commands/check.ts';
import { installSteps, likelyCauses } from '../../../shared/doctor/install-steps.ts';
import { closedPortUrl, dfServer } from '../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';
import { cliWorld } from '../fixtures/cli-harness.ts';

describe('check helpers', () => {
  it('tells an address from a name', () => {
    for (const url of ['https://df.example.com', 'df.example.com', 'localhost', 'localhost:8080', '10.0.0.1:80']) expect(looksLikeUrl(url), url).toBe(true);
    for (const name of ['Dev', 'my staging', 'prod']) expect(looksLikeUrl(name), name).toBe(false);
  });

  it('exits 5 for no answer, 4 for a non-DF answer or a refused key, else 0', () => {
    const at = { checkedAt: 0, url: 'u', session: null };
    expect(checkExitCode({ ...at, server: { kind: 'unreachable', detail: '', nextStep: '' } })).toBe(5);
    expect(checkExitCode({ ...at, server: { kind: 'not-dreamfactory', detail: '', nextStep: '' } })).toBe(4);
    expect(checkExitCode({ ...at, server: { kind: 'web-server-404', status: 404, dreamFactoryBehindIndexPhp: null } })).toBe(4);
    const environment = { kind: 'environment' as const, allowForeverSessions: false, loginAttribute: 'email' as const };
    expect(checkExitCode({ ...at, server: environment })).toBe(0);
    expect(checkExitCode({ ...at, server: environment }, { apiKeyAccepted: false })).toBe(4);
  });
});

describe('dfdesk check', () => {
  it('an address: the connection test and the doctor, with an API key from stdin', async () => {
    const server = await dfServer({ allowForever: true });
    const world = cliWorld();
    const result = await world.run(['check', server.url, '--api-key-stdin'], { stdin: API_KEY });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.probe.apiKeyAccepted).toBe(true);
    expect(report.diagnosis.verdict).toBe('forever-on-not-signed-in');
    expect(result.stdout).not.toContain(API_KEY);
    const wrongKey = await world.run(['check', server.url, '--api-key-stdin'], { stdin: 'not-the-key' });
    expect(wrongKey.code).toBe(4);
  });

  it('a saved instance: its token is read too', async () => {
    const server = await dfServer({ allowForever: true });
    const world = cliWorld();
    await world.run(['add', 'Dev', server.url, '--api-key-stdin'], { stdin: API_KEY });
    await world.run(['login', 'Dev', '--email', JANE.email, '--password-stdin'], { stdin: JANE.password });
    const result = await world.run(['check', 'dev'], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Forever sessions work');
    expect(result.stdout).toContain('Forever (the token’s forever claim)  Yes');
    const json = JSON.parse((await world.run(['check', 'Dev'])).stdout);
    expect(json).toMatchObject({ instanceId: expect.any(String), diagnosis: { verdict: 'forever-working' } });
    expect((await world.run(['check', 'Dev', '--api-key-stdin'], { stdin: 'x' })).code).toBe(2);
  });

  it('forever sessions off: the steps for the chosen install, and the usual causes after the steps', async () => {
    const server = await dfServer({ allowForever: false });
    const world = cliWorld();
    const steps = await world.run(['check', server.url, '--install', 'docker'], { tty: true });
    expect(steps.code).toBe(0);
    expect(steps.stdout).toContain('Forever sessions are off on this server.');
    expect(steps.stdout).toContain(installSteps('docker').label);
    expect(steps.stdout).not.toContain('Still off?');
    const after = await world.run(['check', server.url, '--install', 'docker', '--after-steps']);
    expect(JSON.parse(after.stdout)).toMatchObject({ installSteps: installSteps('docker'), likelyCauses: likelyCauses('docker') });
    expect((await world.run(['check', server.url, '--install', 'k8s'])).code).toBe(2);
  });

  it('exits 5 when nothing answers, 4 when the web server hides DF, 2 for an unknown name', async () => {
    const world = cliWorld();
    const down = await world.run(['check', await closedPortUrl()], { tty: true });
    expect(down.code).toBe(5);
    expect(down.stdout).toContain('DF Desk could not reach the server.');
    const noRewrite = await dfServer({ rewriteRules: false });
    const hidden = await world.run(['check', noRewrite.url]);
    expect(hidden.code).toBe(4);
    expect(hidden.stderr).toBe('dfdesk: The web server answers 404 before DreamFactory sees the request.\n');
    expect((await world.run(['check', 'Nope'])).code).toBe(2);
  });
});
