// createDesk({ network }) end to end on a corporate-style network: a DF test server behind an https front whose
// certificate a private CA issued, reached through a loopback proxy, the way the packaged app is wired
// (electronNetworkPort with the session's proxy answer and the system trust store faked, fixtures/network-port.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../electron/main/adapters/memory-vault.ts';
import { recordingLogger } from './adapters/fixtures/test-keyring.ts';
import { loopbackProxy } from './services/fixtures/connect-proxy.ts';
import { openDesk, removeDataDirs } from './services/fixtures/desk-harness.ts';
import { fakeNetwork, PRIVATE_CA } from './services/fixtures/network-port.ts';
import { privateLeafSha256 } from './services/fixtures/private-ca.ts';
import { tlsFront } from './services/fixtures/tls-front.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';

afterAll(() => removeDataDirs());

const paths = (front: { requests: Array<{ path: string }> }) => front.requests.map((r) => r.path.replace(/\?.*$/, ''));

describe('the desk behind a proxy', () => {
  it("with the organisation's CA in the system store: test connection, sign-in and data all go through the proxy", async () => {
    const front = await tlsFront((await dfServer()).url, 'private-leaf');
    const proxy = await loopbackProxy();
    const logger = recordingLogger();
    const network = fakeNetwork({ route: proxy.rule, systemCas: [PRIVATE_CA] });
    const { api } = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }), logger, network: network.port });

    const report = await api.instances.probe({ url: front.url, apiKey: API_KEY });
    expect(report).toMatchObject({ reachable: true, isDreamFactory: true, apiKeyAccepted: true });
    const instance = await api.instances.add({ name: 'Corp', url: front.url, apiKey: API_KEY });
    expect((await api.session.signIn(instance.id, JANE)).state).toBe('active');
    const answer = await api.request(instance.id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
    expect(answer.status).toBe(200);

    expect(paths(front)).toEqual(['/api/v2/system/environment', '/api/v2/system/service', '/api/v2/user/session', '/api/v2/db/_table/contacts']);
    expect(new Set(proxy.connects)).toEqual(new Set([`127.0.0.1:${front.port}`]));
    expect(logger.lines).toContainEqual(expect.objectContaining({ message: 'Trusted certificates for DreamFactory servers loaded.' }));
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ fields: { origin: front.url, route: proxy.rule }, message: expect.stringMatching(/^Route to/) }),
    );
  });

  it('"DIRECT": the same desk calls never touch the proxy', async () => {
    const front = await tlsFront((await dfServer()).url, 'private-leaf');
    const proxy = await loopbackProxy();
    const network = fakeNetwork({ route: 'DIRECT', systemCas: [PRIVATE_CA] });
    const { api } = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }), network: network.port });
    const instance = await api.instances.add({ name: 'Corp', url: front.url, apiKey: API_KEY });
    await api.session.signIn(instance.id, JANE);
    expect((await api.request(instance.id, { method: 'GET', path: '/db/_table/contacts' })).status).toBe(200);
    expect(proxy.connects).toEqual([]);
  });

  it('without the CA: the probe shows the certificate (read through the proxy); trusting it works through the proxy', async () => {
    const front = await tlsFront((await dfServer()).url, 'private-leaf');
    // A host only the proxy can reach: nothing may connect directly, the certificate read included.
    const url = `https://df-desk-behind-proxy.test:${front.port}`;
    const proxy = await loopbackProxy({ relayTo: () => `127.0.0.1:${front.port}` });
    const network = fakeNetwork({ route: proxy.rule, systemCas: [] });
    const { api } = await openDesk({ vault: createMemoryVault({ mode: 'keychain' }), network: network.port });

    const refused = await api.instances.probe({ url, apiKey: API_KEY });
    expect(refused.reachable).toBe(false);
    expect(refused.certificate).toMatchObject({ sha256: privateLeafSha256('private-leaf').toUpperCase(), issuer: 'DF Desk Private Test CA' });
    expect(front.requests).toEqual([]);

    const trustedCertificateSha256 = refused.certificate?.sha256;
    expect(await api.instances.probe({ url, apiKey: API_KEY, trustedCertificateSha256 })).toMatchObject({ reachable: true, apiKeyAccepted: true });
    const instance = await api.instances.add({ name: 'Pinned', url, apiKey: API_KEY, trustedCertificateSha256 });
    await api.session.signIn(instance.id, JANE);
    expect((await api.request(instance.id, { method: 'GET', path: '/db/_table/contacts' })).status).toBe(200);
    expect(new Set(proxy.connects)).toEqual(new Set([`df-desk-behind-proxy.test:${front.port}`]));
  });
});
