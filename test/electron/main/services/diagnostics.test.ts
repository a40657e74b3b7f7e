// "Test connection" over real loopback HTTP: the DF test server in each era, tiny servers for the non-DF
// cases, real TLS handshakes for certificate problems.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../electron/main/adapters/memory-vault.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import type { DiagnosticsDeps } from '../../../../electron/main/services/diagnostics.ts';
import { createDiagnostics } from '../../../../electron/main/services/diagnostics.ts';
import type { ProbeCheckId, ProbeReport } from '../../../../shared/ipc/contract.ts';
import { NO_ROLE_API_KEY } from '../../../df-server/index.ts';
import { recordingLogger } from '../adapters/fixtures/test-keyring.ts';
import { privateCaServer, privateLeafSha256 } from './fixtures/private-ca.ts';
import { findSecrets } from './fixtures/secret-walk.ts';
import { notFound, resolvingAdapter, sendHtml, sendJson, tinyServer, tlsServer, trustingTestCa } from './fixtures/servers.ts';
import { closedPortUrl, dfServer } from '../../../fixtures/servers.ts';
import { API_KEY } from '../../../fixtures/users.ts';

const KEY = API_KEY;

function diagnostics(options: Partial<DiagnosticsDeps> = {}) {
  return createDiagnostics({ vault: createMemoryVault({ mode: 'keychain' }), logger: recordingLogger(), ...options });
}

function row(report: ProbeReport, id: ProbeCheckId) {
  const found = report.checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`No ${id} check.`);
  return found;
}

const ids: ProbeCheckId[] = ['reachable', 'dreamfactory', 'api-key', 'version', 'forever-sessions', 'login-attribute'];

describe('a DreamFactory instance', () => {
  it('latest with a good key: every check passes', async () => {
    const server = await dfServer({ allowForever: true });
    const report = await diagnostics().probe({ url: `${server.url}/api/v2/`, apiKey: KEY });
    expect(report).toMatchObject({
      url: server.url,
      reachable: true,
      isDreamFactory: true,
      apiKeyAccepted: true,
      version: '7.7.0',
      allowForeverSessions: true,
      loginAttribute: 'email',
      authMethods: ['User sign-in', 'Admin sign-in'],
      vault: { mode: 'keychain' },
    });
    expect(report.checks.map((c) => c.id)).toEqual(ids);
    expect(report.checks.every((c) => c.ok === true && c.label.length > 0)).toBe(true);
    expect(findSecrets(report, [KEY])).toEqual([]);
    // The key goes only to the key check, never in a query string.
    expect(server.requestLog.map((r) => r.path)).toEqual(['/api/v2/system/environment', '/api/v2/system/service']);
    expect(server.requestLog.every((r) => r.headers['x-dreamfactory-api-key'] === KEY)).toBe(true);
  });

  it('a wrong key and a key whose app has no role are not accepted; no key is not checked', async () => {
    const server = await dfServer();
    const probe = diagnostics();
    const wrong = await probe.probe({ url: server.url, apiKey: 'not-the-key' });
    expect(wrong.apiKeyAccepted).toBe(false);
    expect(row(wrong, 'api-key')).toMatchObject({ ok: false, nextStep: expect.stringMatching(/Apps/) });
    expect(row(wrong, 'version').ok).toBeNull();
    expect((await probe.probe({ url: server.url, apiKey: NO_ROLE_API_KEY })).apiKeyAccepted).toBe(false);
    const none = await probe.probe({ url: server.url });
    expect(none.apiKeyAccepted).toBeNull();
    expect(row(none, 'api-key').detail).toMatch(/No API key/);
    expect(none.version).toBeUndefined();
  });

  it('forever sessions off: the row says how to turn them on', async () => {
    const server = await dfServer({ allowForever: false });
    const report = await diagnostics().probe({ url: server.url, apiKey: KEY });
    expect(report.allowForeverSessions).toBe(false);
    expect(row(report, 'forever-sessions')).toMatchObject({
      ok: false,
      nextStep: expect.stringMatching(/DF_ALLOW_FOREVER_SESSIONS=true.*config:clear.*cache:clear.*restart/),
    });
  });

  it('username login attribute', async () => {
    const server = await dfServer({ loginAttribute: 'username' });
    const report = await diagnostics().probe({ url: server.url, apiKey: KEY });
    expect(report.loginAttribute).toBe('username');
    expect(row(report, 'login-attribute').detail).toMatch(/username/);
  });

  it('DF 2.14 (2.10+ environment): version with a key that has a role, key verdict from the modern message', async () => {
    const server = await dfServer({ profile: '2.14' });
    const report = await diagnostics().probe({ url: server.url, apiKey: KEY });
    expect(report).toMatchObject({ isDreamFactory: true, apiKeyAccepted: true, version: '2.14.2', loginAttribute: 'email' });
    expect((await diagnostics().probe({ url: server.url, apiKey: 'nope' })).apiKeyAccepted).toBe(false);
  });

  it('DF 2.0 (old environment): version for everyone, email sign-in, the key cannot be judged before sign-in', async () => {
    const server = await dfServer({ profile: '2.0' });
    const report = await diagnostics().probe({ url: server.url, apiKey: 'whatever' });
    expect(report).toMatchObject({ isDreamFactory: true, version: '2.0.0', loginAttribute: 'email', apiKeyAccepted: null });
    expect(row(report, 'api-key').detail).toMatch(/does not say/);
  });

  it('reports the vault health it is given', async () => {
    const server = await dfServer();
    const health = { mode: 'session-only' as const, reason: 'No keychain.', fix: 'Install gnome-keyring.' };
    const report = await diagnostics({ vault: createMemoryVault(health) }).probe({ url: server.url });
    expect(report.vault).toEqual(health);
  });
});

describe('not reachable', () => {
  it('connection refused (closed port)', async () => {
    const report = await diagnostics().probe({ url: await closedPortUrl() });
    expect(report).toMatchObject({ reachable: false, isDreamFactory: false, apiKeyAccepted: null, authMethods: [] });
    expect(row(report, 'reachable')).toMatchObject({ ok: false, detail: expect.stringMatching(/refused/) });
    expect(row(report, 'reachable').nextStep).toMatch(/address and port/);
    expect(report.checks.slice(1).every((c) => c.ok === null && /Not checked/.test(c.detail))).toBe(true);
  });

  it('timeout (a server that never answers)', async () => {
    const silent = await tinyServer(() => undefined);
    const report = await diagnostics({ timeoutMs: 200 }).probe({ url: silent.url });
    expect(report.reachable).toBe(false);
    expect(row(report, 'reachable').detail).toMatch(/did not answer in time/);
  });

  it('DNS: host not found', async () => {
    const report = await diagnostics({ adapter: resolvingAdapter(notFound) }).probe({ url: 'https://df.nowhere.test' });
    expect(row(report, 'reachable')).toMatchObject({ ok: false, detail: expect.stringMatching(/host name was not found/) });
    expect(row(report, 'reachable').nextStep).toMatch(/spelling|VPN/);
  });

  it.each([
    ['self-signed', false, /self-signed/],
    ['expired', true, /expired/],
    ['wrong-host', true, /different host name/],
    ['unknown-issuer', true, /cannot be verified/],
  ] as const)('TLS: %s certificate', async (certificate, trustCa, detail) => {
    const server = await tlsServer(certificate, (_req, res) => sendJson(res, 200, {}));
    const report = await diagnostics(trustCa ? { adapter: trustingTestCa() } : {}).probe({ url: server.url, apiKey: KEY });
    expect(row(report, 'reachable')).toMatchObject({ ok: false, detail: expect.stringMatching(detail) });
    expect(row(report, 'dreamfactory').detail).toMatch(/secure connection failed/);
    expect(server.requests).toEqual([]);
  });
});

describe('certificates the user may trust', () => {
  const sha256Of = (name: string) =>
    new X509Certificate(readFileSync(fileURLToPath(new URL(`./fixtures/tls/${name}.crt`, import.meta.url)))).fingerprint256;

  it('a TLS failure reports the presented certificate (fingerprint, subject, issuer, validity, host:port)', async () => {
    const server = await tlsServer('self-signed', (_req, res) => sendJson(res, 200, {}));
    const report = await diagnostics().probe({ url: server.url, apiKey: KEY });
    expect(report.certificate).toEqual({
      sha256: sha256Of('self-signed'),
      subject: '127.0.0.1',
      issuer: '127.0.0.1',
      validFrom: expect.stringMatching(/GMT$/),
      validTo: expect.stringMatching(/GMT$/),
      selfSigned: true,
      hostPort: `127.0.0.1:${server.port}`,
    });
    expect(JSON.stringify(report)).not.toMatch(/BEGIN CERTIFICATE/);
    expect(server.requests).toEqual([]);
  });

  it('no certificate in the report when the connection worked or was not TLS', async () => {
    const signed = await tlsServer('valid', (_req, res) => sendJson(res, 200, {}));
    expect((await diagnostics({ adapter: trustingTestCa() }).probe({ url: signed.url })).certificate).toBeUndefined();
    expect((await diagnostics().probe({ url: await closedPortUrl() })).certificate).toBeUndefined();
  });

  it('probing with the pin connects like the pinned instance; a wrong pin says the certificate changed', async () => {
    const server = await tlsServer('self-signed', (_req, res) => sendJson(res, 200, {}));
    const pinned = await diagnostics().probe({ url: server.url, trustedCertificateSha256: sha256Of('self-signed') });
    expect(pinned.reachable).toBe(true);
    expect(pinned.certificate).toBeUndefined();
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v2/system/environment']);

    const wrong = await diagnostics().probe({ url: server.url, trustedCertificateSha256: sha256Of('valid') });
    expect(row(wrong, 'reachable')).toMatchObject({ ok: false, detail: expect.stringMatching(/different certificate/) });
    expect(wrong.certificate?.sha256).toBe(sha256Of('self-signed'));
    expect(server.requests).toHaveLength(1);
  });
});

describe('item 14: a certificate from a private CA the machine does not know', () => {
  it('item14-private-ca-probe: the probe offers the leaf to trust, and a probe with its pin connects', async () => {
    const server = await privateCaServer('private-leaf', (_req, res) => sendJson(res, 200, {}));
    const untrusted = await diagnostics().probe({ url: server.url });
    expect(row(untrusted, 'reachable')).toMatchObject({ ok: false, detail: expect.stringMatching(/cannot be verified/) });
    expect(untrusted.certificate).toMatchObject({
      sha256: privateLeafSha256('private-leaf'),
      issuer: 'DF Desk Private Test CA',
      selfSigned: false,
    });
    const pinned = await diagnostics().probe({ url: server.url, trustedCertificateSha256: privateLeafSha256('private-leaf') });
    expect(row(pinned, 'reachable').ok).toBe(true);
    expect(pinned.certificate).toBeUndefined();
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v2/system/environment']);
  });
});

describe('reachable, but not DreamFactory', () => {
  it('an HTML page', async () => {
    const web = await tinyServer((_req, res) => sendHtml(res, 200, '<!doctype html><title>Welcome</title>'));
    const report = await diagnostics().probe({ url: web.url, apiKey: KEY });
    expect(report).toMatchObject({ reachable: true, isDreamFactory: false, apiKeyAccepted: null });
    expect(row(report, 'dreamfactory')).toMatchObject({ ok: false, detail: expect.stringMatching(/web page.*text\/html/) });
    expect(row(report, 'dreamfactory').nextStep).toMatch(/root address/);
    expect(row(report, 'api-key').ok).toBeNull();
    // Only the public environment call was made: the key is not sent to something that is not DF.
    expect(web.requests.map((r) => r.path)).toEqual(['/api/v2/system/environment']);
  });

  it('a plain 404 on /api/v2', async () => {
    const server = await tinyServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not Found');
    });
    const report = await diagnostics().probe({ url: server.url });
    expect(row(report, 'dreamfactory')).toMatchObject({ ok: false, detail: expect.stringMatching(/not found \(HTTP 404, text\/plain\)/) });
  });

  it('a DF-shaped 404 on /api/v2', async () => {
    const server = await tinyServer((_req, res) =>
      sendJson(res, 404, { error: { code: 404, context: null, message: "Route 'x' not found.", status_code: 404 } }),
    );
    const report = await diagnostics().probe({ url: `${server.url}/extra/path` });
    expect(report.url).toBe(`${server.url}/extra/path`);
    expect(row(report, 'dreamfactory').detail).toMatch(/DreamFactory's error format.*404.*Route 'x' not found/);
  });

  it('a DF-shaped server error, and a gateway error', async () => {
    const broken = await tinyServer((_req, res) =>
      sendJson(res, 500, { error: { code: 500, context: null, message: 'SQLSTATE[HY000] boom', status_code: 500 } }),
    );
    expect(row(await diagnostics().probe({ url: broken.url }), 'dreamfactory').detail).toMatch(/server error.*SQLSTATE/);
    const gateway = await tinyServer((_req, res) => sendHtml(res, 503, '<h1>503</h1>'));
    expect(row(await diagnostics().probe({ url: gateway.url }), 'dreamfactory').detail).toMatch(/down or starting/);
  });

  it('JSON that is not an environment', async () => {
    const api = await tinyServer((_req, res) => sendJson(res, 200, { hello: 'world' }));
    expect(row(await diagnostics().probe({ url: api.url }), 'dreamfactory').detail).toMatch(/not like DreamFactory/);
  });

  it('a redirect to another origin is reported, not followed', async () => {
    const server = await dfServer();
    const target = await tinyServer((_req, res) => sendJson(res, 200, {}));
    server.setRedirect('/api/v2/system/environment', `${target.url}/api/v2/system/environment`);
    const report = await diagnostics().probe({ url: server.url, apiKey: KEY });
    expect(report.reachable).toBe(true);
    expect(row(report, 'dreamfactory').detail).toContain(target.url);
    expect(target.requests).toEqual([]);
  });
});

describe('input', () => {
  it('refuses what is not a URL', async () => {
    await expect(diagnostics().probe({ url: 'ftp://x' })).rejects.toBeInstanceOf(DeskError);
    await expect(diagnostics().probe({ url: '' })).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('item5-api-key-control-characters: a key with CR, LF or NUL is refused as invalid-input and nothing is sent', async () => {
    const server = await dfServer();
    for (const bad of [`${KEY}\r\nX-Injected: 1`, `${KEY}\n`, `${KEY}\u0000`]) {
      await expect(diagnostics().probe({ url: server.url, apiKey: bad })).rejects.toMatchObject({
        kind: 'invalid-input',
        message: expect.stringMatching(/API key contains a control character/),
      });
    }
    expect(server.requestLog).toEqual([]);
  });

  it('never sends the key over plain http to a remote host', async () => {
    const server = await dfServer();
    // "df.remote.test" resolves to the loopback test server, so the request is real but the host is remote.
    const report = await diagnostics({ adapter: resolvingAdapter(() => '127.0.0.1') }).probe({ url: `http://df.remote.test:${server.port}`, apiKey: KEY });
    expect(report.isDreamFactory).toBe(true);
    expect(report.apiKeyAccepted).toBeNull();
    expect(row(report, 'api-key').detail).toMatch(/not sent.*plain http/);
    expect(server.requestLog.length).toBeGreaterThan(0);
    expect(server.requestLog.every((r) => r.headers['x-dreamfactory-api-key'] === undefined)).toBe(true);
  });
});
