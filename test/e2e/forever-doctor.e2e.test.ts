// Journey: "Remember me is ignored" to fixed. Forever sessions are off on the server; the doctor shows the
// Bitnami steps; the admin switches the server on; "Check again" says so; a new sign-in with Remember me
// brings a forever token. Also the doctor inside a connection test, for missing rewrite rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { addInstance, apiKey, jane, routeCount, signInAsJane, startServer, userLoginRoute } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { expectText, openForeverDoctor, testConnectionInAddForm } from './ui.ts';

describe('the forever-sessions doctor', () => {
  const servers: DfServer[] = [];
  let harness: DeskHarness;

  beforeAll(async () => {
    harness = await launchDesk();
  });

  afterAll(async () => {
    await harness?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('forever off → Bitnami steps → server switched on → "now on" → sign in with Remember me → a forever token', async () => {
    const { page, desk, context } = harness;
    const server = await startServer({ allowForever: false });
    servers.push(server);
    const instance = await addInstance(desk, server, 'Bitnami box');
    // 1. Remember me was ticked, and ignored: the server's token is not forever.
    expect((await signInAsJane(desk, instance)).forever).toBe(false);

    // 2. The doctor, with the Bitnami steps.
    const doctor = await openForeverDoctor(page, 'Bitnami box', 'bitnami-linux');
    await expectText(doctor, 'Forever sessions are off on this server.');
    await expectText(doctor.getByRole('region', { name: 'What the server says' }), 'Off', 'email', '7.7.0');
    await expectText(doctor.getByRole('region', { name: 'What the token says' }), 'No', 'DF_JWT_TTL=60');
    const steps = doctor.getByRole('region', { name: 'Turn on forever sessions' });
    await expectText(
      steps,
      '/opt/bitnami/apps/dreamfactory/htdocs/.env',
      'DF_ALLOW_FOREVER_SESSIONS=true',
      '/opt/bitnami/php/bin/php artisan config:clear',
      'sudo /opt/bitnami/ctlscript.sh restart',
    );
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.appUrl });
    await steps.getByRole('button', { name: 'Copy the setting' }).click();
    await expectText(steps, 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('DF_ALLOW_FOREVER_SESSIONS=true');

    // 3. The admin follows them: DreamFactory now allows forever sessions.
    server.setAllowForever(true);

    // 4. "Check again" says it is now on, and that this session's token is still the old kind.
    await steps.getByRole('button', { name: 'I’ve made the change — check again' }).click();
    await expectText(doctor.getByRole('region', { name: 'Since the last check' }), 'Forever sessions: was off, now on.');
    await expectText(doctor, 'Forever sessions are on, but this session’s token is not forever.');
    expect(await doctor.getByRole('region', { name: 'Why it is still off' }).count()).toBe(0);

    // 5. Sign in again with Remember me, from the doctor.
    await doctor.getByRole('button', { name: 'Sign in again with Remember me' }).click();
    const form = doctor.getByRole('form', { name: 'Sign in to Bitnami box' });
    expect(await form.getByLabel('Remember me').isChecked()).toBe(true);
    await form.getByLabel('Email', { exact: true }).fill(jane.email);
    await form.getByLabel('Password', { exact: true }).fill(jane.password);
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();

    // 6. The token is forever: the doctor says so, and so do the session and the server's count of sign-ins.
    await expectText(doctor.getByRole('region', { name: 'Since the last check' }), 'This session’s token: was not forever, now forever.');
    await expectText(doctor, 'Forever sessions work: this session’s token is forever.');
    await expectText(doctor.getByRole('region', { name: 'What the token says' }), 'Yes');
    expect((await desk.api.session.status(instance.id)).forever).toBe(true);
    expect((await desk.api.instances.doctor(instance.id)).session?.token?.forever).toBe(true);
    expect(routeCount(server, userLoginRoute)).toBe(2);
    await doctor.getByRole('button', { name: 'Close dialog' }).click();
    await expectText(page.getByRole('region', { name: 'Session' }), 'Forever session');
    expect(harness.pageErrors).toEqual([]);
    expect(harness.unexpectedErrors).toEqual([]);
  });

  it('in a connection test: missing rewrite rules are named, and "Check again" sees the fix', async () => {
    const { page } = harness;
    const server = await startServer({ rewriteRules: false });
    servers.push(server);
    const form = await testConnectionInAddForm(page, { name: 'No rewrites', url: server.url, apiKey });
    await expectText(form.getByRole('list', { name: 'Connection checks' }), 'rewrite rules are missing');
    await form.getByRole('button', { name: 'Open the forever-sessions doctor' }).click();
    const doctor = form.getByRole('region', { name: 'Forever-sessions doctor' });
    await expectText(doctor, 'The web server answers 404 before DreamFactory sees the request.', 'try_files $uri $uri/ /index.php?$query_string;');

    server.setRewriteRules(true);
    await doctor.getByRole('button', { name: 'Check again', exact: true }).click();
    await expectText(doctor, 'was a 404 from the web server, now DreamFactory’s answer.', 'Forever sessions are on.');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(harness.pageErrors).toEqual([]);
  });
});
