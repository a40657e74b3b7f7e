// Issue 8, item 3: changing the certificate trusted for a signed-in instance. Whoever presents the newly trusted
// certificate is another party: the session token and the API key given to the old one must not reach it.
// A real DF test server behind an https front whose certificate the test swaps (fixtures/tls-front.ts).
import { describe, expect, it } from 'vitest';
import { InstanceChanges } from '../../../../electron/main/services/instance-changes.ts';
import { apiKeyAccount, tokenAccount } from '../../../../electron/main/services/instances/vault-accounts.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../../fixtures/users.ts';
import { sessionHarness } from './fixtures/session-harness.ts';
import { certificateSha256, tlsFront } from './fixtures/tls-front.ts';

const SIGNED_OUT_AND_KEY_FORGOTTEN =
  'The certificate trusted for this instance changed, so DF Desk signed out and forgot its API key. Enter the API key again and sign in.';

const carriesCredentials = (entry: { headers: Record<string, unknown> }) =>
  entry.headers['x-dreamfactory-api-key'] !== undefined || entry.headers['x-dreamfactory-session-token'] !== undefined;

async function signedInBehindPinnedFront() {
  const server = await dfServer();
  const front = await tlsFront(server.url, 'self-signed');
  const h = sessionHarness();
  const changes = new InstanceChanges(h.registry, h.sessions, h.profiles);
  const instance = await h.registry.add({
    name: 'Pinned',
    url: front.url,
    apiKey: API_KEY,
    trustedCertificateSha256: certificateSha256('self-signed'),
  });
  await h.sessions.signIn(instance.id, JANE);
  const answer = await h.proxy.request(instance.id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
  expect(answer.status).toBe(200);
  return { server, front, h, changes, id: instance.id };
}

describe('item3-repin-drops-credentials: a new trusted certificate ends the session and forgets the key', () => {
  it('re-pinning: token and key dropped, the reason shown, and the next request carries neither', async () => {
    const { front, h, changes, id } = await signedInBehindPinnedFront();
    front.present('wrong-host'); // another certificate now answers at the same address
    const updated = await changes.update(id, { trustedCertificateSha256: certificateSha256('wrong-host') });

    expect(updated.hasApiKey).toBe(false);
    expect(await h.vault.get(apiKeyAccount(id))).toBeNull();
    expect(await h.vault.get(tokenAccount(id, JANE.email))).toBeNull();
    expect(h.registry.getLastLogin(id)).toBeUndefined();
    const status = await h.sessions.status(id);
    expect(status).toMatchObject({ state: 'needs-sign-in', endedReason: SIGNED_OUT_AND_KEY_FORGOTTEN });
    expect(h.events.at(-1)).toMatchObject({ state: 'needs-sign-in', endedReason: SIGNED_OUT_AND_KEY_FORGOTTEN });

    const before = front.requests.length;
    await h.proxy.request(id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } });
    const sent = front.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter(carriesCredentials)).toEqual([]);
    // The reason stays until the user signs in again.
    expect((await h.sessions.status(id)).endedReason).toBe(SIGNED_OUT_AND_KEY_FORGOTTEN);
  });

  it('forgetting the pin (back to the normal checks) also drops token and key, with the reason', async () => {
    const { h, changes, id } = await signedInBehindPinnedFront();
    const updated = await changes.update(id, { trustedCertificateSha256: null });
    expect(updated.hasApiKey).toBe(false);
    expect(await h.vault.get(tokenAccount(id, JANE.email))).toBeNull();
    expect(await h.sessions.status(id)).toMatchObject({ state: 'needs-sign-in', endedReason: SIGNED_OUT_AND_KEY_FORGOTTEN });
  });

  it('a key given again in the same save is kept; signing in again clears the reason', async () => {
    const { front, h, changes, id } = await signedInBehindPinnedFront();
    front.present('wrong-host');
    const updated = await changes.update(id, { trustedCertificateSha256: certificateSha256('wrong-host'), apiKey: API_KEY });
    expect(updated.hasApiKey).toBe(true);
    expect(await h.sessions.status(id)).toMatchObject({
      state: 'needs-sign-in',
      endedReason: 'The certificate trusted for this instance changed, so DF Desk signed out. Sign in again.',
    });
    const status = await h.sessions.signIn(id, JANE);
    expect(status.state).toBe('active');
    expect(status.endedReason).toBeUndefined();
  });

  it('the same pin sent again changes nothing: the session and the key stay', async () => {
    const { server, h, changes, id } = await signedInBehindPinnedFront();
    server.stats.reset();
    const updated = await changes.update(id, { name: 'Renamed', trustedCertificateSha256: certificateSha256('self-signed') });
    expect(updated.hasApiKey).toBe(true);
    expect((await h.sessions.status(id)).state).toBe('active');
    expect(server.stats.requests).toBe(0);
  });

  it('a first pin on a never-pinned instance is a change too: its key is forgotten (a new instance loses nothing)', async () => {
    const h = sessionHarness();
    const changes = new InstanceChanges(h.registry, h.sessions, h.profiles);
    const withKey = await h.registry.add({ name: 'Keyed', url: 'https://keyed.example.com', apiKey: API_KEY });
    const pinned = await changes.update(withKey.id, { trustedCertificateSha256: certificateSha256('self-signed') });
    expect(pinned.hasApiKey).toBe(false);
    expect(await h.sessions.status(withKey.id)).toMatchObject({
      state: 'needs-sign-in',
      endedReason: 'The certificate trusted for this instance changed, so DF Desk forgot its API key. Enter the API key again.',
    });

    const fresh = await h.registry.add({ name: 'Fresh', url: 'https://fresh.example.com' });
    await changes.update(fresh.id, { trustedCertificateSha256: certificateSha256('self-signed') });
    const status = await h.sessions.status(fresh.id);
    expect(status.state).toBe('signed-out');
    expect(status.endedReason).toBeUndefined();
  });
});
