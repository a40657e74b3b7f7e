// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskErrorKind } from '../../../../shared/ipc/contract.ts';
import { SignInForm } from '../../../../renderer/features/session/SignInForm.tsx';
import { cleanup, click, flush, getByLabel, getByRole, getByText, queryAllByLabel, queryByText, typeInto, waitFor } from '../../support/dom.tsx';
import { FakeDesk, failWith } from '../../support/fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

function deskWith(probe = aProbeReport(), signIn: FakeDesk['handlers']['session.signIn'] = () => aStatus()) {
  return new FakeDesk({ 'instances.probe': () => probe, 'session.signIn': signIn });
}

describe('SignInForm', () => {
  it('asks for an email by default, with Remember me checked and "Regular user" chosen', async () => {
    const desk = deskWith();
    renderWithDesk(<SignInForm instance={anInstance()} />, desk);
    await flush();
    expect(getByLabel('Email')).toBeTruthy();
    expect(queryAllByLabel('Username')).toHaveLength(0);
    expect(getByLabel<HTMLInputElement>('Remember me').checked).toBe(true);
    expect(getByRole<HTMLInputElement>('radio', { name: 'Regular user' }).checked).toBe(true);
    expect(desk.payloads('instances.probe')).toEqual([{ url: 'http://127.0.0.1:8080' }]);
  });

  it('asks for a username when the server logs in by username, and sends it under that name', async () => {
    const onSignedIn = vi.fn();
    const desk = deskWith(aProbeReport({ loginAttribute: 'username' }));
    const { state } = renderWithDesk(<SignInForm instance={anInstance()} onSignedIn={onSignedIn} />, desk);
    await waitFor(() => expect(getByLabel('Username')).toBeTruthy());
    expect(queryAllByLabel('Email')).toHaveLength(0);
    typeInto(getByLabel('Username'), ' jane ');
    typeInto(getByLabel('Password'), 's3cret');
    click(getByRole('radio', { name: 'System admin' }));
    click(getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(desk.payloads('session.signIn')).toEqual([
      { id: 'dev1', credentials: { username: 'jane', password: 's3cret', rememberMe: true, admin: true } },
    ]);
    expect(state.sessions.get().dev1?.state).toBe('active');
    expect(getByLabel<HTMLInputElement>('Password').value).toBe('');
  });

  it('sends rememberMe false when unticked', async () => {
    const desk = deskWith();
    renderWithDesk(<SignInForm instance={anInstance()} />, desk);
    await flush();
    typeInto(getByLabel('Email'), 'jane@example.com');
    typeInto(getByLabel('Password'), 'pw');
    click(getByLabel('Remember me'));
    click(getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(desk.payloads('session.signIn')).toHaveLength(1));
    await waitFor(() => expect(getByRole('button', { name: 'Sign in' }).getAttribute('aria-busy')).toBeNull());
    expect(desk.payloads('session.signIn')[0]?.credentials).toEqual({
      email: 'jane@example.com',
      password: 'pw',
      rememberMe: false,
      admin: false,
    });
  });

  it('requires both fields before calling the main process, and puts the focus on the first to fix', async () => {
    const desk = deskWith();
    renderWithDesk(<SignInForm instance={anInstance()} />, desk);
    await flush();
    click(getByRole('button', { name: 'Sign in' }));
    expect(getByText('Enter your email.')).toBeTruthy();
    expect(getByText('Enter the password.')).toBeTruthy();
    expect(desk.payloads('session.signIn')).toHaveLength(0);
    expect(document.activeElement).toBe(getByLabel('Email'));
    typeInto(getByLabel('Email'), 'jane@example.com');
    click(getByRole('button', { name: 'Sign in' }));
    expect(document.activeElement).toBe(getByLabel('Password'));
  });

  it('says when the server ignores Remember me', async () => {
    renderWithDesk(<SignInForm instance={anInstance()} />, deskWith(aProbeReport({ allowForeverSessions: false })));
    await waitFor(() => expect(getByText(/This server ignores Remember me/)).toBeTruthy());
    expect(document.body.textContent).toContain('DF_ALLOW_FOREVER_SESSIONS=true');
  });

  it('still offers the email form when the probe fails', async () => {
    const desk = new FakeDesk({
      'instances.probe': () => {
        throw failWith('network', 'down');
      },
    });
    renderWithDesk(<SignInForm instance={anInstance()} />, desk);
    await flush();
    expect(getByLabel('Email')).toBeTruthy();
    expect(queryByText(/Checking how this server signs in/)).toBeNull();
  });

  it('item 5: after a session ended, offers its login and its audience (an admin stays "System admin")', async () => {
    const desk = deskWith();
    const ended = aStatus({
      state: 'needs-sign-in',
      admin: true,
      user: { id: 2, name: 'Admin User', email: 'admin@example.com', isSysAdmin: true },
    });
    renderWithDesk(<SignInForm instance={anInstance()} status={ended} />, desk);
    await flush();
    expect(getByLabel<HTMLInputElement>('Email').value).toBe('admin@example.com');
    expect(getByRole<HTMLInputElement>('radio', { name: 'System admin' }).checked).toBe(true);
    // The login is there already: the field a dialog focuses first is the password.
    expect(getByLabel('Password').hasAttribute('data-autofocus')).toBe(true);
    expect(getByLabel('Email').hasAttribute('data-autofocus')).toBe(false);
    typeInto(getByLabel('Password'), 'pw');
    click(getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(desk.payloads('session.signIn')).toHaveLength(1));
    expect(desk.payloads('session.signIn')[0]?.credentials).toEqual({
      email: 'admin@example.com',
      password: 'pw',
      rememberMe: true,
      admin: true,
    });
  });

  it('item 5: offers the login typed last on this instance (a username too), and the user may change both', async () => {
    const desk = deskWith(aProbeReport({ loginAttribute: 'username' }));
    const { state, rerender } = renderWithDesk(<SignInForm instance={anInstance()} />, desk);
    await waitFor(() => expect(getByLabel('Username')).toBeTruthy());
    expect(getByLabel<HTMLInputElement>('Username').value).toBe('');
    typeInto(getByLabel('Username'), 'jane');
    typeInto(getByLabel('Password'), 'pw');
    click(getByRole('radio', { name: 'System admin' }));
    click(getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(state.signIns.get().dev1).toBe(1));

    // Signed out again later: a fresh form starts from that login.
    rerender(<SignInForm key="again" instance={anInstance()} status={aStatus({ state: 'signed-out', user: undefined })} />);
    await flush();
    expect(getByLabel<HTMLInputElement>('Username').value).toBe('jane');
    expect(getByRole<HTMLInputElement>('radio', { name: 'System admin' }).checked).toBe(true);
    typeInto(getByLabel('Username'), 'joe');
    click(getByRole('radio', { name: 'Regular user' }));
    expect(getByLabel<HTMLInputElement>('Username').value).toBe('joe');
    expect(getByRole<HTMLInputElement>('radio', { name: 'Regular user' }).checked).toBe(true);
  });

  it('item 5: a first sign-in starts empty, as "Regular user", at the login field', async () => {
    renderWithDesk(<SignInForm instance={anInstance()} status={aStatus({ state: 'signed-out', user: undefined })} />, deskWith());
    await flush();
    expect(getByLabel<HTMLInputElement>('Email').value).toBe('');
    expect(getByRole<HTMLInputElement>('radio', { name: 'Regular user' }).checked).toBe(true);
    expect(getByLabel('Email').hasAttribute('data-autofocus')).toBe(true);
  });

  const cases: [DeskErrorKind, string, RegExp][] = [
    ['bad-credentials', 'Invalid credentials supplied.', /Wrong email or password\./],
    ['network', 'connect ECONNREFUSED', /Server unreachable\./],
    ['not-dreamfactory', 'No DF environment at this URL', /This server is not DreamFactory\./],
  ];
  for (const [kind, message, title] of cases) {
    it(`explains a ${kind} failure in plain words`, async () => {
      const desk = deskWith(aProbeReport(), () => {
        throw failWith(kind, message);
      });
      renderWithDesk(<SignInForm instance={anInstance()} />, desk);
      await flush();
      typeInto(getByLabel('Email'), 'jane@example.com');
      typeInto(getByLabel('Password'), 'wrong');
      click(getByRole('button', { name: 'Sign in' }));
      const alert = await waitFor(() => getByRole('alert'));
      expect(alert.getAttribute('data-kind')).toBe(kind);
      expect(alert.textContent).toMatch(title);
      expect(alert.textContent).toContain(message);
    });
  }
});
