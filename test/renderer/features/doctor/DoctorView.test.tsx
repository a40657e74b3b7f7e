// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DoctorView } from '../../../../renderer/features/doctor/DoctorView.tsx';
import type { DoctorFacts } from '../../../../shared/doctor/facts.ts';
import { cleanup, click, getByLabel, getByRole, getByText, queryByRole, queryByText, selectOption, typeInto, waitFor } from '../../support/dom.tsx';
import { FakeDesk, failWith } from '../../support/fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';
import { doctorFacts, serverFacts, signedInSession } from './doctorFacts.ts';

afterEach(cleanup);

/** A loader that answers each check with the next facts in line (the last one repeats). */
function loaderOf(...answers: DoctorFacts[]) {
  let at = 0;
  return vi.fn(async () => answers[Math.min(at++, answers.length - 1)] as DoctorFacts);
}

const text = () => document.body.textContent?.replace(/\s+/g, ' ') ?? '';

describe('DoctorView', () => {
  it('forever sessions off: the verdict, the facts and the steps for the install the user picks', async () => {
    const load = loaderOf(doctorFacts(serverFacts(false), signedInSession(false)));
    renderWithDesk(<DoctorView load={load} />, new FakeDesk());
    await waitFor(() => getByText('Forever sessions are off on this server.'));
    expect(getByRole('region', { name: 'What the server says' }).textContent).toContain('Off');
    expect(getByRole('region', { name: 'What the token says' }).textContent).toContain('60 minutes (DF_JWT_TTL=60)');
    expect(getByRole('region', { name: 'What DF Desk does' }).textContent).toContain('cannot read it from outside');
    // "I don't know" first: the generic steps, until the user says how DF is installed.
    expect(document.querySelector('.install-steps')?.getAttribute('data-install')).toBe('unknown');
    selectOption(getByLabel('How is this DreamFactory installed?'), 'bitnami-linux');
    const steps = document.querySelector('.install-steps')?.textContent ?? '';
    expect(steps).toContain('/opt/bitnami/apps/dreamfactory/htdocs/.env');
    expect(steps).toContain('DF_ALLOW_FOREVER_SESSIONS=true');
    expect(steps).toContain('/opt/bitnami/php/bin/php artisan config:clear');
    expect(steps).toContain('sudo /opt/bitnami/ctlscript.sh restart');
    expect(getByRole('button', { name: 'Copy the setting' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('"I’ve made the change" while still off: the usual causes, most likely first, for that install', async () => {
    const off = doctorFacts(serverFacts(false), null);
    const load = loaderOf(off, off);
    renderWithDesk(<DoctorView load={load} />, new FakeDesk());
    await waitFor(() => getByLabel('How is this DreamFactory installed?'));
    selectOption(getByLabel('How is this DreamFactory installed?'), 'docker');
    click(getByRole('button', { name: 'I’ve made the change — check again' }));
    await waitFor(() => getByRole('region', { name: 'Why it is still off' }));
    const causes = [...document.querySelectorAll('[data-cause]')].map((item) => item.getAttribute('data-cause'));
    expect(causes[0]).toBe('container-not-recreated');
    expect(getByRole('region', { name: 'Since the last check' }).textContent).toContain('Nothing changed.');
  });

  it('a plain "Check again" that is still off does not list causes', async () => {
    const off = doctorFacts(serverFacts(false), null);
    const load = loaderOf(off, off);
    renderWithDesk(<DoctorView load={load} />, new FakeDesk());
    await waitFor(() => getByRole('button', { name: 'Check again' }));
    click(getByRole('button', { name: 'Check again' }));
    await waitFor(() => getByText('Nothing changed.'));
    expect(queryByRole('region', { name: 'Why it is still off' })).toBeNull();
  });

  it('switched on meanwhile: "was off, now on", then sign in again with Remember me until the token is forever', async () => {
    const load = loaderOf(
      doctorFacts(serverFacts(false), signedInSession(false)),
      doctorFacts(serverFacts(true), signedInSession(false)),
      doctorFacts(serverFacts(true), signedInSession(true)),
    );
    const desk = new FakeDesk({
      'instances.probe': () => aProbeReport(),
      'session.signIn': () => aStatus({ forever: true }),
    });
    renderWithDesk(<DoctorView load={load} signIn={{ instance: anInstance(), status: aStatus({ user: { id: 1, name: 'Jane', email: 'jane@example.com', isSysAdmin: false } }) }} />, desk);
    await waitFor(() => getByRole('button', { name: 'I’ve made the change — check again' }));
    click(getByRole('button', { name: 'I’ve made the change — check again' }));
    await waitFor(() => getByText('Forever sessions: was off, now on.'));
    expect(text()).toContain('Forever sessions are on, but this session’s token is not forever.');
    expect(queryByRole('region', { name: 'Why it is still off' })).toBeNull();
    click(getByRole('button', { name: 'Sign in again with Remember me' }));
    await waitFor(() => getByLabel('Password'));
    expect(getByLabel('Remember me').checked).toBe(true);
    typeInto(getByLabel('Email'), 'jane@example.com');
    typeInto(getByLabel('Password'), 'secret');
    click(getByRole('button', { name: 'Sign in' }));
    await waitFor(() => getByText('This session’s token: was not forever, now forever.'));
    expect(desk.payloads('session.signIn')[0]).toMatchObject({ credentials: { rememberMe: true } });
    expect(text()).toContain('Forever sessions work: this session’s token is forever.');
    expect(queryByRole('button', { name: 'Sign in again with Remember me' })).toBeNull();
  });

  it('no sign-in offered where there is nothing to sign in to (a connection test)', async () => {
    renderWithDesk(<DoctorView load={loaderOf(doctorFacts(serverFacts(true), null))} />, new FakeDesk());
    await waitFor(() => getByText('Forever sessions are on.'));
    expect(queryByRole('button', { name: 'Sign in again with Remember me' })).toBeNull();
  });

  it('missing rewrite rules: the nginx and Apache lines, and no install steps', async () => {
    const facts = doctorFacts({ kind: 'web-server-404', status: 404, contentType: 'text/html', dreamFactoryBehindIndexPhp: true }, null);
    renderWithDesk(<DoctorView load={loaderOf(facts)} />, new FakeDesk());
    await waitFor(() => getByRole('region', { name: 'Web server rewrite rules' }));
    expect(text()).toContain('try_files $uri $uri/ /index.php?$query_string;');
    expect(text()).toContain('AllowOverride All');
    expect(text()).toContain('it answers at /index.php/api/v2');
    expect(queryByText('Turn on forever sessions')).toBeNull();
  });

  it('a clock skew is explained as already handled', async () => {
    const session = { ...signedInSession(true), serverClockOffsetMs: 95_000 };
    renderWithDesk(<DoctorView load={loaderOf(doctorFacts(serverFacts(true), session))} />, new FakeDesk());
    await waitFor(() => getByText('The server’s clock is about 2 minutes ahead of this computer’s.'));
    expect(text()).toContain('DF Desk already corrects for it');
  });

  it('a failed check says why and can be tried again; the why-not answer is always there', async () => {
    const load = vi
      .fn<() => Promise<DoctorFacts>>()
      .mockRejectedValueOnce(failWith('network', 'The server did not answer.'))
      .mockResolvedValue(doctorFacts(serverFacts(true), null));
    renderWithDesk(<DoctorView load={load} />, new FakeDesk());
    await waitFor(() => getByText(/The server did not answer/));
    click(getByRole('button', { name: 'Try again' }));
    await waitFor(() => getByText('Forever sessions are on.'));
    expect(getByText('Why not just make tokens never expire?')).toBeTruthy();
    expect(text()).toContain('what is forever is the right to refresh it');
  });
});
