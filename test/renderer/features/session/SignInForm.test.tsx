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

  it('requires both fields before calling the main process', async () => {
    const desk = deskWith();
    renderWithDesk(<SignInForm instance={anInstance()} />, desk);
    await flush();
    click(getByRole('button', { name: 'Sign in' }));
    expect(getByText('Enter your email.')).toBeTruthy();
    expect(getByText('Enter the password.')).toBeTruthy();
    expect(desk.payloads('session.signIn')).toHaveLength(0);
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
