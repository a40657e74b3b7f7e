// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionPanel } from '../../../../renderer/features/session/SessionPanel.tsx';
import { cleanup, click, flush, getByLabel, getByRole, getByText, queryByRole, queryByText, typeInto, waitFor } from '../../support/dom.tsx';
import { FakeDesk, failWith } from '../../support/fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(async () => {
  vi.useRealTimers();
  await cleanup();
});

const start = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('SessionPanel', () => {
  it('shows user, expiry as a live countdown, window, forever, last refresh, count and storage', () => {
    vi.useFakeTimers({ now: start });
    const status = aStatus({
      expiresAt: start + 30 * 60_000,
      refreshWindowEndsAt: start + 13 * 86_400_000,
      lastRefreshAt: start - 5 * 60_000,
      refreshCount: 4,
      forever: false,
    });
    renderWithDesk(<SessionPanel instance={anInstance()} status={status} onSignInAgain={vi.fn()} />, new FakeDesk());
    const expiry = document.querySelector('[data-testid="token-expiry"]');
    expect(expiry?.textContent).toMatch(/^in 30m 0s/);
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(expiry?.textContent).toMatch(/^in 29m 55s/);
    const facts = document.querySelector('.facts')?.textContent ?? '';
    expect(facts).toContain('Jane Doe');
    expect(facts).toContain('in 12d 23h');
    expect(facts).toContain('5m 5s ago');
    expect(facts).toMatch(/Forever sessionNo/);
    expect(facts).toMatch(/Refresh count4/);
    expect(facts).toContain('System keychain');
    expect(getByText('Why will I have to sign in again?')).toBeTruthy();
  });

  it('says a forever window slides, and hides the explanation', () => {
    renderWithDesk(
      <SessionPanel instance={anInstance()} status={aStatus({ forever: true })} onSignInAgain={vi.fn()} />,
      new FakeDesk(),
    );
    expect(getByText(/^Slides with every refresh\. Next deadline/)).toBeTruthy();
    expect(queryByText('Why will I have to sign in again?')).toBeNull();
  });

  it('refreshes now and signs out, showing busy while waiting', async () => {
    let release: (() => void) | undefined;
    const desk = new FakeDesk({
      'session.refresh': () =>
        new Promise((resolve) => {
          release = () => resolve(aStatus({ refreshCount: 5 }));
        }),
      'session.signOut': () => aStatus({ state: 'signed-out' }),
    });
    const { state } = renderWithDesk(
      <SessionPanel instance={anInstance()} status={aStatus()} onSignInAgain={vi.fn()} />,
      desk,
    );
    click(getByRole('button', { name: 'Refresh now' }));
    await waitFor(() => expect(release).toBeDefined());
    expect(getByRole('button', { name: 'Refresh now' }).getAttribute('aria-busy')).toBe('true');
    expect(getByRole<HTMLButtonElement>('button', { name: 'Sign out' }).disabled).toBe(true);
    act(() => release?.());
    await waitFor(() => expect(state.sessions.get().dev1?.refreshCount).toBe(5));
    expect(getByRole('button', { name: 'Refresh now' }).getAttribute('aria-busy')).toBeNull();

    click(getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(state.sessions.get().dev1?.state).toBe('signed-out'));
    expect(desk.payloads('session.refresh')).toEqual([{ id: 'dev1' }]);
    expect(desk.payloads('session.signOut')).toEqual([{ id: 'dev1' }]);
  });

  it('explains a failed refresh', async () => {
    const desk = new FakeDesk({
      'session.refresh': () => {
        throw failWith('network', 'connect ETIMEDOUT');
      },
    });
    renderWithDesk(<SessionPanel instance={anInstance()} status={aStatus()} onSignInAgain={vi.fn()} />, desk);
    click(getByRole('button', { name: 'Refresh now' }));
    const alert = await waitFor(() => getByRole('alert'));
    expect(alert.textContent).toContain('Server unreachable.');
  });

  it('warns when the last background refresh failed, in plain words with a ticking time, and not otherwise', () => {
    vi.useFakeTimers({ now: start });
    const failing = aStatus({
      lastRefreshError: { kind: 'network', message: 'The connection was reset before the server answered.', at: start - 12_000 },
    });
    const view = renderWithDesk(<SessionPanel instance={anInstance()} status={failing} onSignInAgain={vi.fn()} />, new FakeDesk());
    const row = document.querySelector('[data-testid="refresh-failure"]');
    expect(row?.textContent).toBe(
      'Last refresh failed: The connection was reset before the server answered (12s ago) — DF Desk keeps your session and retries.',
    );
    // A warning, not an error: the session is fine and no alert is raised.
    expect(queryByRole('alert')).toBeNull();
    expect(getByRole('button', { name: 'Refresh now' })).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(row?.textContent).toContain('(15s ago)');
    view.unmount();

    renderWithDesk(<SessionPanel instance={anInstance()} status={aStatus()} onSignInAgain={vi.fn()} />, new FakeDesk());
    expect(document.querySelector('[data-testid="refresh-failure"]')).toBeNull();
    expect(queryByText(/Last refresh failed/)).toBeNull();
  });

  it('offers the sign-in form when signed out, and the dialog when the session ended', async () => {
    const desk = new FakeDesk({ 'instances.probe': () => aProbeReport() });
    const onSignInAgain = vi.fn();
    const view = renderWithDesk(
      <SessionPanel instance={anInstance()} status={aStatus({ state: 'signed-out' })} onSignInAgain={onSignInAgain} />,
      desk,
    );
    await waitFor(() => expect(getByLabel('Email')).toBeTruthy());
    view.unmount();

    renderWithDesk(
      <SessionPanel
        instance={anInstance()}
        status={aStatus({ state: 'needs-sign-in', endedReason: 'The token has been blacklisted.' })}
        onSignInAgain={onSignInAgain}
      />,
      desk,
    );
    const alert = getByRole('alert');
    // Item 8: DF's sentence in plain words, its own text folded under Details.
    expect(alert.textContent).toContain('DreamFactory ended this session');
    expect(alert.querySelector('details')?.textContent).toContain('The token has been blacklisted.');
    click(getByRole('button', { name: 'Open sign-in' }));
    expect(onSignInAgain).toHaveBeenCalledTimes(1);
  });

  it('item 1: when the panel changes state, the focus moves from the control that went to the new view’s entry', async () => {
    const desk = new FakeDesk({ 'instances.probe': () => aProbeReport() });
    const panel = (status: ReturnType<typeof aStatus>) => (
      <SessionPanel instance={anInstance()} status={status} onSignInAgain={vi.fn()} />
    );
    const view = renderWithDesk(panel(aStatus()), desk);
    getByRole('button', { name: 'Sign out' }).focus();
    view.rerender(panel(aStatus({ state: 'needs-sign-in', endedReason: 'Signed out elsewhere.' })));
    await flush();
    expect(document.activeElement).toBe(getByRole('button', { name: 'Open sign-in' }));
    view.rerender(panel(aStatus({ state: 'signed-out', user: undefined })));
    await flush();
    expect(document.activeElement).toBe(getByLabel('Email'));
    view.rerender(panel(aStatus({ state: 'refreshing' })));
    await flush();
    expect(document.activeElement).toBe(getByRole('heading', { name: 'Session' }));
    // Refreshing and active are one view: a refresh never moves the focus.
    getByRole('button', { name: 'Refresh now' }).focus();
    view.rerender(panel(aStatus()));
    await flush();
    expect(document.activeElement).toBe(getByRole('button', { name: 'Refresh now' }));
  });

  it('item 1: a state change leaves the focus alone when it is somewhere else', async () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    const desk = new FakeDesk({ 'instances.probe': () => aProbeReport() });
    const view = renderWithDesk(<SessionPanel instance={anInstance()} status={aStatus()} onSignInAgain={vi.fn()} />, desk);
    outside.focus();
    view.rerender(<SessionPanel instance={anInstance()} status={aStatus({ state: 'signed-out' })} onSignInAgain={vi.fn()} />);
    await flush();
    expect(document.activeElement).toBe(outside);
  });
});

describe('SessionPanel: the forever-sessions doctor', () => {
  it('stays open while a sign-in from inside it turns the signed-out panel into an active one', async () => {
    const instance = anInstance();
    const facts = (forever: boolean, signedIn: boolean) => ({
      checkedAt: 1,
      url: instance.url,
      server: { kind: 'environment' as const, allowForeverSessions: true, loginAttribute: 'email' as const },
      session: signedIn
        ? { state: 'active' as const, token: { forever, expires: 2e9, legacyClaims: false }, refreshed: false, keepAlive: true }
        : { state: 'signed-out' as const, refreshed: false, keepAlive: false },
    });
    let signedIn = false;
    const desk = new FakeDesk({
      'instances.probe': () => aProbeReport(),
      'instances.doctor': () => facts(true, signedIn),
      'session.signIn': () => {
        signedIn = true;
        return aStatus({ forever: true });
      },
    });
    const { rerender } = renderWithDesk(
      <SessionPanel instance={instance} status={aStatus({ state: 'signed-out' })} onSignInAgain={vi.fn()} />,
      desk,
    );
    click(getByRole('button', { name: 'Check forever sessions' }));
    await waitFor(() => getByText('Forever sessions are on.'));
    const dialog = getByRole('dialog', { name: `Forever sessions on ${instance.name}` });
    click(getByRole('button', { name: 'Sign in again with Remember me' }, dialog));
    await waitFor(() => getByLabel('Password', dialog));
    typeInto(getByLabel('Email', dialog), 'jane@example.com');
    typeInto(getByLabel('Password', dialog), 'pw');
    click(getByRole('button', { name: 'Sign in' }, dialog));
    await waitFor(() => getByText('Forever sessions work: this session’s token is forever.'));
    rerender(<SessionPanel instance={instance} status={aStatus({ forever: true })} onSignInAgain={vi.fn()} />);
    await flush();
    expect(getByRole('dialog', { name: `Forever sessions on ${instance.name}` })).toBeTruthy();
    expect(dialog.contains(document.activeElement)).toBe(true);
  });
});

describe('SessionPanel: a blocked instance', () => {
  it('offers the Edit form, not a sign-in that would be refused', () => {
    const onEdit = vi.fn();
    const onSignInAgain = vi.fn();
    const status = aStatus({ state: 'needs-sign-in', blocked: true, endedReason: 'The address of this instance was changed outside DF Desk.' });
    renderWithDesk(<SessionPanel instance={anInstance()} status={status} onSignInAgain={onSignInAgain} onEdit={onEdit} />, new FakeDesk());
    expect(getByText('DF Desk sends nothing to this instance.')).toBeTruthy();
    expect(queryByRole('button', { name: 'Open sign-in' })).toBeNull();
    click(getByRole('button', { name: 'Edit instance' }));
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(onSignInAgain).not.toHaveBeenCalled();
  });

  it('an ended session that is not blocked still offers the sign-in', () => {
    renderWithDesk(
      <SessionPanel instance={anInstance()} status={aStatus({ state: 'needs-sign-in', endedReason: 'Expired.' })} onSignInAgain={vi.fn()} onEdit={vi.fn()} />,
      new FakeDesk(),
    );
    expect(getByRole('button', { name: 'Open sign-in' })).toBeTruthy();
    expect(queryByRole('button', { name: 'Edit instance' })).toBeNull();
  });
});
