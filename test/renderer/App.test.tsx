// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Instance, SessionStatus } from '../../shared/ipc/contract.ts';
import { forgetDraft } from '../../renderer/features/console/drafts.ts';
import { forgetHistory } from '../../renderer/features/console/history.ts';
import { cleanup, click, flush, getByLabel, getByRole, getByText, keyDown, queryAllByRole, queryByRole, queryByText, typeInto, waitFor } from './support/dom.tsx';
import { FakeDesk, failWith, type Handlers } from './support/fakeDesk.ts';
import { anInstance, aProbeReport, aStatus } from './support/fixtures.ts';
import { renderApp } from './support/renderWithDesk.tsx';

afterEach(async () => {
  await cleanup();
  localStorage.clear();
  for (const id of ['dev1', 'prod1', 'stage1']) {
    forgetDraft(id);
    forgetHistory(id);
  }
});

const instances: Instance[] = [
  anInstance(),
  anInstance({ id: 'prod1', name: 'Production', url: 'https://df.example.com', tag: 'prod', favorite: true }),
  anInstance({ id: 'stage1', name: 'Staging', url: 'https://stage.example.com', tag: 'staging', color: '#7c3aed' }),
];

function appDesk(handlers: Handlers = {}) {
  return new FakeDesk({
    'instances.list': () => instances,
    'session.status': ({ id }) => aStatus({ instanceId: id }),
    'vault.health': () => ({ mode: 'keychain' }),
    'instances.probe': () => aProbeReport(),
    'session.signIn': ({ id }) => aStatus({ instanceId: id }),
    request: () => ({ status: 200, data: { resource: [] }, headers: {}, durationMs: 1 }),
    ...handlers,
  });
}

function sidebarItem(name: string) {
  return getByRole('button', { name: new RegExp(`^${name},`) });
}

function emit(desk: FakeDesk, status: SessionStatus) {
  act(() => desk.emit('session.changed', status));
}

async function openConsole(name: string) {
  click(sidebarItem(name));
  click(getByRole('tab', { name: 'API console' }));
  await flush();
}

describe('App shell', () => {
  it('lists favourites first, with tag and session status, and filters by search', async () => {
    await renderApp(appDesk());
    const names = queryAllByRole('button')
      .filter((button) => button.classList.contains('instance-item'))
      .map((button) => button.querySelector('.instance-name')?.textContent);
    expect(names).toEqual(['Production', 'Local dev', 'Staging']);
    expect(sidebarItem('Staging').textContent).toContain('Staging');
    expect(sidebarItem('Staging').querySelector('[data-state]')?.textContent).toBe('Active');

    typeInto(getByLabel('Search instances'), 'stage.example');
    expect(queryAllByRole('button', { name: /^(Production|Local dev),/ })).toHaveLength(0);
    expect(sidebarItem('Staging')).toBeTruthy();
  });

  it('stars an instance, which moves it up among the favourites', async () => {
    const desk = appDesk({ 'instances.update': ({ id, patch: { trustedCertificateSha256: _pin, ...patch } }) => ({ ...anInstance({ id }), ...patch }) });
    await renderApp(desk);
    const star = getByRole('button', { name: 'Star Local dev' });
    expect(star.getAttribute('aria-pressed')).toBe('false');
    click(star);
    await waitFor(() => expect(getByRole('button', { name: 'Star Local dev' }).getAttribute('aria-pressed')).toBe('true'));
    expect(desk.payloads('instances.update')).toEqual([{ id: 'dev1', patch: { favorite: true } }]);
    const names = queryAllByRole('button')
      .filter((button) => button.classList.contains('instance-item'))
      .map((button) => button.querySelector('.instance-name')?.textContent);
    expect(names).toEqual(['Local dev', 'Production', 'Staging']);
  });

  it('shows the selected tag colour in the top bar and makes production unmistakable', async () => {
    await renderApp(appDesk());
    const bar = document.querySelector<HTMLElement>('header.topbar');
    expect(bar?.getAttribute('data-tag')).toBe('prod');
    expect(bar?.textContent).toContain('PRODUCTION');
    expect(bar?.style.background).toMatch(/#c62828|rgb\(198, 40, 40\)/);

    click(sidebarItem('Local dev'));
    const devBar = document.querySelector<HTMLElement>('header.topbar');
    expect(devBar?.getAttribute('data-tag')).toBe('dev');
    expect(devBar?.textContent).not.toContain('PRODUCTION');
  });

  it('switches instances with Ctrl/Cmd+1..9 in sidebar order', async () => {
    await renderApp(appDesk());
    keyDown(window, { key: '3', ctrlKey: true });
    expect(sidebarItem('Staging').getAttribute('aria-current')).toBe('true');
    expect(getByRole('heading', { name: 'Staging' })).toBeTruthy();
    keyDown(window, { key: '2', metaKey: true });
    expect(sidebarItem('Local dev').getAttribute('aria-current')).toBe('true');
    keyDown(window, { key: '9', ctrlKey: true });
    expect(sidebarItem('Local dev').getAttribute('aria-current')).toBe('true');
  });

  it('updates a status badge from session.changed events', async () => {
    const desk = appDesk();
    await renderApp(desk);
    emit(desk, aStatus({ instanceId: 'stage1', state: 'refreshing' }));
    expect(sidebarItem('Staging').querySelector('[data-state]')?.textContent).toBe('Refreshing');
    emit(desk, aStatus({ instanceId: 'stage1', state: 'signed-out' }));
    expect(sidebarItem('Staging').querySelector('[data-state]')?.textContent).toBe('Signed out');
  });

  it('shows the keychain banner with reason and fix when the vault is session-only', async () => {
    await renderApp(
      appDesk({
        'vault.health': () => ({ mode: 'session-only', reason: 'No Secret Service on the bus.', fix: 'Install gnome-keyring.' }),
      }),
    );
    const banner = getByRole('alert', { name: 'Keychain notice' });
    expect(banner.textContent).toContain('No Secret Service on the bus.');
    expect(banner.textContent).toContain('Install gnome-keyring.');
  });

  it('adds an instance from the sidebar and selects it', async () => {
    const added = anInstance({ id: 'new1', name: 'QA', url: 'https://qa.example.com', tag: 'other' });
    const desk = appDesk({ 'instances.add': () => added });
    await renderApp(desk);
    click(getByRole('button', { name: 'Add instance' }));
    const dialog = getByRole('dialog', { name: 'Add a DreamFactory instance' });
    typeInto(getByLabel('Name', dialog), 'QA');
    typeInto(getByLabel('URL', dialog), 'https://qa.example.com');
    click(getByRole('button', { name: 'Save instance' }, dialog));
    await waitFor(() => expect(queryByRole('dialog')).toBeNull());
    expect(sidebarItem('QA').getAttribute('aria-current')).toBe('true');
  });

  it('File → New instance… in the application menu opens the add form', async () => {
    const desk = appDesk();
    await renderApp(desk);
    expect(queryByRole('dialog', { name: 'Add a DreamFactory instance' })).toBeNull();
    act(() => desk.emit('menu.command', { command: 'new-instance' }));
    expect(getByRole('dialog', { name: 'Add a DreamFactory instance' })).toBeTruthy();
  });

  it('removes an instance only after confirmation', async () => {
    const desk = appDesk({ 'instances.remove': () => undefined });
    await renderApp(desk);
    click(sidebarItem('Staging'));
    click(getByRole('button', { name: 'Remove instance' }));
    await flush();
    click(getByRole('button', { name: 'Cancel' }, getByRole('alertdialog')));
    await flush();
    expect(desk.payloads('instances.remove')).toHaveLength(0);

    click(getByRole('button', { name: 'Remove instance' }));
    await flush();
    click(getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(queryAllByRole('button', { name: /^Staging,/ })).toHaveLength(0));
    expect(desk.payloads('instances.remove')).toEqual([{ id: 'stage1' }]);
  });
});

describe('session ended', () => {
  it('opens a sign-in dialog over the current view, and the unsaved input survives the sign-in', async () => {
    const desk = appDesk();
    await renderApp(desk);
    await openConsole('Local dev');
    typeInto(getByLabel('Path'), '/db/_table/contacts');
    typeInto(getByLabel('JSON body'), '{"resource": [{"name": "unsaved work"}]}');

    emit(desk, aStatus({ state: 'needs-sign-in', endedReason: 'The refresh window has passed.' }));
    await flush();
    const dialog = getByRole('dialog', { name: 'Sign in to Local dev' });
    // The reason stands on its own line, never glued to our sentence with a colon ("ended: …").
    expect(getByText('The refresh window has passed.', dialog).tagName).toBe('P');
    expect(getByText(/Your session on .* ended\.$/, dialog)).toBeTruthy();
    expect(dialog.textContent).not.toContain('ended:');
    expect(getByLabel<HTMLTextAreaElement>('JSON body').value).toBe('{"resource": [{"name": "unsaved work"}]}');

    typeInto(getByLabel('Email', dialog), 'jane@example.com');
    typeInto(getByLabel('Password', dialog), 'pw');
    click(getByRole('button', { name: 'Sign in' }, dialog));
    await waitFor(() => expect(queryByRole('dialog')).toBeNull());
    expect(desk.payloads('session.signIn')).toEqual([
      { id: 'dev1', credentials: { email: 'jane@example.com', password: 'pw', rememberMe: true, admin: false } },
    ]);
    expect(getByLabel<HTMLInputElement>('Path').value).toBe('/db/_table/contacts');
    expect(getByLabel<HTMLTextAreaElement>('JSON body').value).toBe('{"resource": [{"name": "unsaved work"}]}');
    expect(getByRole('tab', { name: 'API console' }).getAttribute('aria-selected')).toBe('true');
  });

  it('a blocked instance gets no sign-in dialog (it would be refused): the Session tab offers Edit instance', async () => {
    const desk = appDesk();
    await renderApp(desk);
    click(sidebarItem('Local dev'));
    click(getByRole('tab', { name: 'Session' }));
    emit(desk, aStatus({ state: 'needs-sign-in', blocked: true, endedReason: 'The address of this instance was changed outside DF Desk.' }));
    await flush();
    expect(queryByRole('dialog')).toBeNull();
    click(getByRole('button', { name: 'Edit instance' }, getByRole('region', { name: 'Session' })));
    expect(getByRole('dialog', { name: /^Edit / })).toBeTruthy();
  });

  it('opens the dialog when a request fails with session-ended', async () => {
    const desk = appDesk({
      request: () => {
        throw failWith('session-ended', 'Token refresh failed. The token has been blacklisted', 401);
      },
    });
    await renderApp(desk);
    await openConsole('Local dev');
    typeInto(getByLabel('Path'), '/db/_table/contacts');
    click(getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(getByRole('dialog', { name: 'Sign in to Local dev' })).toBeTruthy());
    expect(getByLabel<HTMLInputElement>('Path').value).toBe('/db/_table/contacts');
    click(getByRole('button', { name: 'Not now' }));
    expect(queryByRole('dialog')).toBeNull();
    expect(getByText('Your session ended.')).toBeTruthy();
  });

  it('does not interrupt the current view for another instance, but marks it in the sidebar', async () => {
    const desk = appDesk();
    await renderApp(desk);
    click(sidebarItem('Local dev'));
    emit(desk, aStatus({ instanceId: 'stage1', state: 'needs-sign-in' }));
    await flush();
    expect(queryByRole('dialog')).toBeNull();
    expect(sidebarItem('Staging').querySelector('[data-state]')?.textContent).toBe('Needs sign-in');
    expect(queryByText(/Sign in to Staging/)).toBeNull();
  });
});

describe('workspace tabs', () => {
  it('moves between tabs with the arrow keys and keeps each view mounted with its input', async () => {
    await renderApp(appDesk());
    click(sidebarItem('Local dev'));
    click(getByRole('tab', { name: 'API console' }));
    typeInto(getByLabel('Path'), '/system/environment');
    keyDown(getByRole('tab', { name: 'API console' }), { key: 'ArrowRight' });
    expect(getByRole('tab', { name: 'Session' }).getAttribute('aria-selected')).toBe('true');
    expect(queryAllByRole('tabpanel')).toHaveLength(1);
    keyDown(getByRole('tab', { name: 'Session' }), { key: 'ArrowLeft' });
    expect(getByRole('tab', { name: 'API console' }).getAttribute('aria-selected')).toBe('true');
    expect(getByLabel<HTMLInputElement>('Path').value).toBe('/system/environment');
  });

  it('keeps a console draft per instance across instance switches', async () => {
    await renderApp(appDesk());
    await openConsole('Local dev');
    typeInto(getByLabel('Path'), '/dev/only');
    await openConsole('Staging');
    expect(getByLabel<HTMLInputElement>('Path').value).toBe('');
    await openConsole('Local dev');
    expect(getByLabel<HTMLInputElement>('Path').value).toBe('/dev/only');
  });
});
