// The app follows what a dfdesk command (another desk on the same data folder and keychain) changed.
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../../../electron/main/adapters/memory-vault.ts';
import { dfServer } from '../../../../fixtures/servers.ts';
import { ADMIN_SIGN_IN, API_KEY, JANE } from '../../../../fixtures/users.ts';
import { waitFor } from '../../../../fixtures/waiting.ts';
import { openDesk, removeDataDirs } from '../fixtures/desk-harness.ts';

afterAll(() => removeDataDirs());

/** The app; `cli()` opens a second desk as a `dfdesk` command does, on the same data folder and vault. */
async function appAndCli() {
  const server = await dfServer();
  const vault = createMemoryVault({ mode: 'keychain' });
  const app = await openDesk({ vault });
  const cli = () => openDesk({ vault, dataDir: app.dataDir, restoreSessions: 'on-use', logFileName: 'dfdesk.log' });
  return { server, app, cli };
}

describe('changes made by another DF Desk process', () => {
  it('an instance added by dfdesk appears in the app’s windows', async () => {
    const t = await appAndCli();
    const { id } = await (await t.cli()).api.instances.add({ name: 'From CLI', url: t.server.url, apiKey: API_KEY });
    await waitFor(() => t.app.instanceEvents.some((list) => list.some((instance) => instance.id === id)), 'the app to list it');
    expect((await t.app.api.instances.list()).map((instance) => instance.name)).toEqual(['From CLI']);
  });

  it('a sign-in made by dfdesk is used by the app: no password, no extra request for the token', async () => {
    const t = await appAndCli();
    const { id } = await t.app.api.instances.add({ name: 'DF', url: t.server.url, apiKey: API_KEY });
    expect((await t.app.api.session.status(id)).state).toBe('signed-out');
    await (await t.cli()).api.session.signIn(id, { ...JANE, rememberMe: true });
    const logins = t.server.stats.byRoute['POST /api/v2/user/session'];
    await waitFor(() => t.app.sessionEvents.some((status) => status.instanceId === id && status.state === 'active'), 'the app to pick up the sign-in');
    expect((await t.app.api.request(id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } })).status).toBe(200);
    expect(t.server.stats.byRoute['POST /api/v2/user/session']).toBe(logins);
  });

  it('a sign-out made by dfdesk ends the app’s session too', async () => {
    const t = await appAndCli();
    const { id } = await t.app.api.instances.add({ name: 'DF', url: t.server.url, apiKey: API_KEY });
    await t.app.api.session.signIn(id, JANE);
    const cli = await t.cli();
    expect((await cli.api.session.status(id)).state).toBe('active');
    await cli.api.session.signOut(id);
    await waitFor(() => t.app.sessionEvents.some((status) => status.instanceId === id && status.state === 'signed-out'), 'the app to sign out');
    expect((await t.app.api.session.status(id)).state).toBe('signed-out');
  });

  it('a dfdesk sign-in as someone else replaces the app’s session with that one', async () => {
    const t = await appAndCli();
    const { id } = await t.app.api.instances.add({ name: 'DF', url: t.server.url, apiKey: API_KEY });
    await t.app.api.session.signIn(id, JANE);
    await (await t.cli()).api.session.signIn(id, ADMIN_SIGN_IN);
    await waitFor(() => t.app.sessionEvents.some((status) => status.instanceId === id && status.admin && status.state === 'active'), 'the app to follow the admin sign-in');
    expect((await t.app.api.request(id, { method: 'GET', path: '/db/_table/contacts', params: { limit: 1 } })).status).toBe(200);
  });

  it('after the app’s session ended, a dfdesk sign-in as the same user brings it back', async () => {
    const t = await appAndCli();
    const { id } = await t.app.api.instances.add({ name: 'DF', url: t.server.url, apiKey: API_KEY });
    await t.app.api.session.signIn(id, JANE);
    t.server.revokeUser(JANE.email);
    await t.app.api.request(id, { method: 'GET', path: '/db/_table/contacts' }).catch(() => undefined);
    expect((await t.app.api.session.status(id)).state).toBe('needs-sign-in');
    await (await t.cli()).api.session.signIn(id, JANE);
    await waitFor(() => t.app.sessionEvents.at(-1)?.state === 'active', 'the app to pick up the new sign-in');
  });

  it('the app’s own changes move no session: an ended session keeps its reason through a rename', async () => {
    const t = await appAndCli();
    const { id } = await t.app.api.instances.add({ name: 'DF', url: t.server.url, apiKey: API_KEY });
    await t.app.api.session.signIn(id, JANE);
    t.server.revokeUser(JANE.email);
    await t.app.api.request(id, { method: 'GET', path: '/db/_table/contacts' }).catch(() => undefined);
    const ended = await t.app.api.session.status(id);
    expect(ended.state).toBe('needs-sign-in');
    await t.app.api.instances.update(id, { name: 'Renamed' });
    await waitFor(() => t.app.instanceEvents.some((list) => list.some((instance) => instance.name === 'Renamed')), 'the rename');
    // Two polls later: nothing restored, the reason is the server's.
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(await t.app.api.session.status(id)).toMatchObject({ state: 'needs-sign-in', endedReason: ended.endedReason });
  });
});
