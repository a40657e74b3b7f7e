// Pinning behind a proxy: the pinned certificate is read and checked end to end through the CONNECT tunnel, so
// a proxy (or whoever sits behind it) that presents another certificate is refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../../../../electron/main/services/network/network.ts';
import { PIN_MISMATCH_CODE, pinnedCertificateAdapter } from '../../../../../electron/main/services/tls/pinned-certificate.ts';
import { createDfClient, DfError } from '../../../../../shared/df/index.ts';
import { MemoryTokenStore } from '../../../../shared/df/helpers.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';
import { loopbackProxy } from '../fixtures/connect-proxy.ts';
import { fakeNetwork } from '../fixtures/network-port.ts';
import { certificateSha256, tlsFront } from '../fixtures/tls-front.ts';
import { onCleanup } from '../../../../fixtures/cleanup.ts';
import { rejection } from '../../../../fixtures/rejection.ts';
import { dfServer } from '../../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../../fixtures/users.ts';

async function pinnedClientBehind(route: string, origin: string, sha256: string) {
  const network = createNetwork({ port: fakeNetwork({ route }).port, logger: recordingLogger() });
  const pin = pinnedCertificateAdapter({ origin, sha256, base: network.adapter, transport: network, timeoutMs: 5000 });
  const client = createDfClient({ baseURL: origin, apiKey: API_KEY, tokens: new MemoryTokenStore(), adapter: pin.adapter });
  onCleanup(() => {
    client.dispose();
    pin.dispose();
    network.dispose();
  });
  return client;
}

describe('a pinned instance behind a proxy', () => {
  it('signs in and reads through the tunnel; the certificate is read through it too', async () => {
    const front = await tlsFront((await dfServer()).url, 'self-signed');
    // A name only the proxy can resolve, as on networks where only the proxy reaches out: any direct
    // connection (the certificate read included) would fail.
    const origin = `https://df-desk-behind-proxy.test:${front.port}`;
    const proxy = await loopbackProxy({ relayTo: () => `127.0.0.1:${front.port}` });
    const client = await pinnedClientBehind(proxy.rule, origin, certificateSha256('self-signed'));
    await client.login(JANE);
    expect((await client.http.get('/db/_table/contacts', { params: { limit: 1 } })).status).toBe(200);
    expect(proxy.connects.length).toBeGreaterThanOrEqual(2);
    expect(new Set(proxy.connects)).toEqual(new Set([`df-desk-behind-proxy.test:${front.port}`]));
    expect(front.requests.map((r) => r.path)).toEqual(['/api/v2/user/session', '/api/v2/db/_table/contacts?limit=1']);
  });

  it('another certificate through the tunnel is refused as a pin mismatch; nothing is sent', async () => {
    const front = await tlsFront((await dfServer()).url, 'wrong-host');
    const proxy = await loopbackProxy();
    const client = await pinnedClientBehind(proxy.rule, front.url, certificateSha256('self-signed'));
    const error = await rejection(client.login(JANE), DfError);
    expect(error.transport).toMatchObject({ kind: 'tls', code: PIN_MISMATCH_CODE });
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(front.requests).toEqual([]);
  });

  it('an intercepting proxy (relaying to another server) is caught by the pin', async () => {
    const pinned = await tlsFront((await dfServer()).url, 'self-signed');
    const impostor = await tlsFront((await dfServer()).url, 'private-other');
    const proxy = await loopbackProxy({ relayTo: () => `127.0.0.1:${impostor.port}` });
    const client = await pinnedClientBehind(proxy.rule, pinned.url, certificateSha256('self-signed'));
    const error = await rejection(client.login(JANE), DfError);
    expect(error.transport?.code).toBe(PIN_MISMATCH_CODE);
    expect(proxy.connects[0]).toBe(`127.0.0.1:${pinned.port}`);
    expect(impostor.requests).toEqual([]);
    expect(pinned.requests).toEqual([]);
  });
});
