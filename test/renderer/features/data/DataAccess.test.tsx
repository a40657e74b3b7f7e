// @vitest-environment happy-dom
// Item 15: a wrong API key, or a URL that is not DF, must not leave the data browser at a silent "No services";
// fixing the instance reloads it. Item 17: guest access (signed out, the app's default role) is said plainly.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProxyRequest, ProxyResponse } from '../../../../shared/ipc/contract.ts';
import { ApiConsole } from '../../../../renderer/features/console/ApiConsole.tsx';
import { DataBrowser } from '../../../../renderer/features/data/DataBrowser.tsx';
import { SessionPanel } from '../../../../renderer/features/session/SessionPanel.tsx';
import { cleanup, click, flush, getByLabel, getByRole, queryByRole, queryByText, waitFor } from '../../support/dom.tsx';
import { FakeDesk } from '../../support/fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from '../../support/fixtures.ts';
import { renderApp, renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

const NO_JWT =
  "No session token (JWT) provided. Please provide a valid JWT using X-DreamFactory-Session-Token request header or 'session_token' url query parameter.";
const ROLE_NOT_FOUND = 'Role not found. A role may not be assigned to you or your application.';
const NOT_AUTHENTICATED = 'Unauthorized. User is not authenticated.';
const signedOut = aStatus({ state: 'signed-out', user: undefined });

const dbRoot = {
  services: [{ id: 5, name: 'db', label: 'Local SQL Database', type: 'sqlite' }],
  service_types: [{ name: 'sqlite', label: 'SQLite', group: 'Database' }],
};
const emptyRoot = { services: [], service_types: [] };

function answer(status: number, data: unknown): ProxyResponse {
  return { status, data, headers: {}, durationMs: 1 };
}

function dfError(status: number, message: string): ProxyResponse {
  return answer(status, { error: { code: status, message, status_code: status } });
}

/** A DF instance as DF Desk reaches it: `keyWorks` decides between guest data and an empty, role-less answer. */
function instanceAnswers(options: { keyWorks: () => boolean; refusal?: ProxyResponse }) {
  return ({ request }: { request: ProxyRequest }): ProxyResponse => {
    if (request.path === '/') return answer(200, options.keyWorks() ? dbRoot : emptyRoot);
    if (!options.keyWorks()) return options.refusal ?? dfError(400, NO_JWT);
    if (request.path === '/db/_table') return answer(200, { resource: [{ name: 'contacts' }] });
    return answer(200, { resource: [{ id: 1, first_name: 'Ada' }], meta: { count: 1 } });
  };
}

function paths(desk: FakeDesk): string[] {
  return desk.payloads('request').map((payload) => payload.request.path);
}

describe('data browser: a wrong key or a wrong URL is explained (item 15)', () => {
  it('item 15: wrong API key, signed out: DF lists no services; DF\'s reason, "check the API key in Edit instance" and a Reload', async () => {
    let keyWorks = false;
    const desk = new FakeDesk({ request: instanceAnswers({ keyWorks: () => keyWorks }) });
    renderWithDesk(<DataBrowser instance={anInstance()} active status={signedOut} />, desk);
    const alert = await waitFor(() => getByRole('alert'));
    expect(queryByText('The service list came back empty. The reason:')).toBeTruthy();
    expect(alert.textContent).toContain('DreamFactory did not accept the API key.');
    expect(alert.textContent).toContain(NO_JWT);
    expect(alert.textContent).toContain('Check the API key in Edit instance');
    expect(queryByText('Pick a service.')).toBeNull();
    // The reason comes from a call that needs a role, as the connection test's key check does.
    expect(paths(desk)).toEqual(['/', '/system/service']);

    keyWorks = true;
    click(getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(getByRole('button', { name: 'contacts' })).toBeTruthy());
    expect(getByLabel<HTMLSelectElement>('Service').value).toBe('db');
    expect(queryByRole('alert')).toBeNull();
  });

  it('item 15: wrong API key, signed in: DF\'s 403 "Role not found" with the same next step', async () => {
    const desk = new FakeDesk({
      request: instanceAnswers({ keyWorks: () => false, refusal: dfError(403, ROLE_NOT_FOUND) }),
    });
    renderWithDesk(<DataBrowser instance={anInstance()} active status={aStatus()} />, desk);
    const alert = await waitFor(() => getByRole('alert'));
    expect(alert.textContent).toContain(ROLE_NOT_FOUND);
    expect(alert.textContent).toContain('DreamFactory did not accept the API key.');
    expect(alert.textContent).toContain('Check the API key in Edit instance');
  });

  it('item 15: a signed-in role that reaches no service says so, without blaming the key', async () => {
    const forbidden = dfError(
      403,
      "Access Forbidden. GET access to component 'service' of service 'system' is not allowed by this user's role.",
    );
    const desk = new FakeDesk({ request: instanceAnswers({ keyWorks: () => false, refusal: forbidden }) });
    renderWithDesk(<DataBrowser instance={anInstance()} active status={aStatus()} />, desk);
    const note = await waitFor(() => getByRole('status'));
    expect(note.textContent).toContain('Your DreamFactory role reaches no service.');
    expect(note.textContent).not.toContain('API key');
    expect(getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it.each([
    ['an HTML page (200)', answer(200, '<!doctype html><html><body>Welcome</body></html>')],
    ['a web server 404 page', answer(404, '<html><body>Not Found</body></html>')],
  ])('item 15: a URL that serves %s: "does not answer like DreamFactory" and "check the URL"', async (_, page) => {
    const desk = new FakeDesk({ request: () => page });
    renderWithDesk(<DataBrowser instance={anInstance()} active status={signedOut} />, desk);
    const alert = await waitFor(() => getByRole('alert'));
    expect(alert.getAttribute('data-kind')).toBe('not-dreamfactory');
    expect(alert.textContent).toContain('Could not list the services.');
    expect(alert.textContent).toContain('Check the URL in Edit instance');
    expect(getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('item 15: an empty service list from a server that is not DF (web pages elsewhere) says "check the URL"', async () => {
    const desk = new FakeDesk({
      request: ({ request }: { request: ProxyRequest }) =>
        request.path === '/' ? answer(200, { resource: [] }) : answer(404, '<html><body>Not Found</body></html>'),
    });
    renderWithDesk(<DataBrowser instance={anInstance()} active status={signedOut} />, desk);
    const alert = await waitFor(() => getByRole('alert'));
    expect(alert.textContent).toContain('This URL does not answer like DreamFactory.');
    expect(alert.textContent).toContain('Check the URL in Edit instance');
  });

  it('item 15: the fixed key shows data without a restart: the instances.changed event reloads the list', async () => {
    let keyWorks = false;
    const desk = new FakeDesk({
      'instances.list': () => [anInstance()],
      'session.status': () => signedOut,
      'vault.health': () => ({ mode: 'keychain' }),
      'instances.probe': () => aProbeReport(),
      request: instanceAnswers({ keyWorks: () => keyWorks }),
    });
    await renderApp(desk);
    click(getByRole('tab', { name: 'Data' }));
    await waitFor(() => expect(getByRole('alert').textContent).toContain('Check the API key in Edit instance'));

    // Edit instance saved a new key in the main process, which announces the changed list.
    keyWorks = true;
    act(() => desk.emit('instances.changed', [anInstance()]));
    await waitFor(() => expect(getByRole('button', { name: 'contacts' })).toBeTruthy());
    expect(queryByRole('alert')).toBeNull();
    expect(getByLabel<HTMLSelectElement>('Service').value).toBe('db');
  });
});

describe('guest access: browsing without signing in (item 17)', () => {
  const guestAnswers = instanceAnswers({ keyWorks: () => true });

  it("item 17: the data browser says it is guest access with the app's default role, and offers Sign in", async () => {
    const onSignIn = vi.fn();
    const desk = new FakeDesk({ request: guestAnswers });
    renderWithDesk(<DataBrowser instance={anInstance()} active status={signedOut} onSignIn={onSignIn} />, desk);
    await waitFor(() => expect(getByRole('button', { name: 'contacts' })).toBeTruthy());
    const note = getByRole('region', { name: 'Guest access' });
    expect(note.textContent).toContain("Guest access — the app's default role, not signed in");
    click(getByRole('button', { name: 'Sign in' }, note));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  it('item 17: signed in, no guest note; signing in reads the data again as the user', async () => {
    const desk = new FakeDesk({ request: guestAnswers });
    const instance = anInstance();
    const view = renderWithDesk(<DataBrowser instance={instance} active status={signedOut} />, desk);
    await waitFor(() => expect(getByRole('button', { name: 'contacts' })).toBeTruthy());
    const before = paths(desk).length;
    // A refresh of the same session is no reason to read again; another caller is.
    view.rerender(<DataBrowser instance={instance} active status={{ ...signedOut, refreshCount: 1 }} />);
    await flush();
    expect(paths(desk)).toHaveLength(before);
    view.rerender(<DataBrowser instance={instance} active status={aStatus()} />);
    await waitFor(() => expect(paths(desk).length).toBeGreaterThan(before));
    expect(paths(desk).slice(before)).toEqual(['/', '/db/_table']);
    expect(queryByRole('region', { name: 'Guest access' })).toBeNull();
  });

  it('item 17: after an ended session, signing in again reads the data again (not while it is ended)', async () => {
    const desk = new FakeDesk({ request: guestAnswers });
    const instance = anInstance();
    const view = renderWithDesk(<DataBrowser instance={instance} active status={aStatus()} />, desk);
    await waitFor(() => expect(getByRole('button', { name: 'contacts' })).toBeTruthy());
    const before = paths(desk).length;
    view.rerender(<DataBrowser instance={instance} active status={aStatus({ state: 'needs-sign-in' })} />);
    await flush();
    expect(paths(desk)).toHaveLength(before);
    view.rerender(<DataBrowser instance={instance} active status={aStatus()} />);
    await waitFor(() => expect(paths(desk).slice(before)).toEqual(['/', '/db/_table']));
  });

  it('item 17: the session panel says the key alone already opens data, above the sign-in form', async () => {
    const desk = new FakeDesk({ request: guestAnswers, 'instances.probe': () => aProbeReport() });
    renderWithDesk(<SessionPanel instance={anInstance()} status={signedOut} onSignInAgain={vi.fn()} />, desk);
    const note = await waitFor(() => getByRole('region', { name: 'Guest access' }));
    expect(note.textContent).toContain("Guest access — the app's default role, not signed in");
    expect(note.textContent).toContain('the Data tab and the API console already work');
    expect(getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('item 17: no guest note in the session panel when the key alone opens nothing', async () => {
    const desk = new FakeDesk({
      request: instanceAnswers({ keyWorks: () => false, refusal: dfError(401, NOT_AUTHENTICATED) }),
      'instances.probe': () => aProbeReport(),
    });
    renderWithDesk(<SessionPanel instance={anInstance()} status={signedOut} onSignInAgain={vi.fn()} />, desk);
    await waitFor(() => expect(paths(desk)).toEqual(['/']));
    expect(queryByRole('region', { name: 'Guest access' })).toBeNull();
  });

  it('item 17: the console says requests carry the API key only while signed out', async () => {
    const onSignIn = vi.fn();
    const desk = new FakeDesk({ request: guestAnswers });
    const view = renderWithDesk(<ApiConsole instance={anInstance()} status={signedOut} onSignIn={onSignIn} />, desk);
    const note = getByRole('region', { name: 'Guest access' });
    expect(note.textContent).toContain("Requests carry the app's API key only");
    click(getByRole('button', { name: 'Sign in' }, note));
    expect(onSignIn).toHaveBeenCalledTimes(1);
    view.rerender(<ApiConsole instance={anInstance()} status={aStatus()} />);
    expect(queryByRole('region', { name: 'Guest access' })).toBeNull();
  });

  it("item 17: a guest's refused write says to sign in, not to ask an admin", async () => {
    const desk = new FakeDesk({
      request: ({ request }: { request: ProxyRequest }) =>
        request.method === 'GET' ? guestAnswers({ request }) : dfError(401, NOT_AUTHENTICATED),
    });
    renderWithDesk(<DataBrowser instance={anInstance()} active status={signedOut} />, desk);
    click(await waitFor(() => getByRole('button', { name: 'contacts' })));
    click(await waitFor(() => getByRole('button', { name: 'Delete record 1' })));
    click(await waitFor(() => getByRole('button', { name: 'Yes, delete' })));
    const alert = await waitFor(() => getByRole('alert'));
    expect(alert.textContent).toContain('Sign in to do this.');
    expect(alert.textContent).toContain("DreamFactory uses the app's default role (guest access)");
  });
});

