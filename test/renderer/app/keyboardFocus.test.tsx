// @vitest-environment happy-dom
// Issue 11, focus and keyboard: where the focus goes when the app swaps what is on screen.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../shared/ipc/contract.ts';
import { cleanup, click, flush, getByLabel, getByRole, keyDown, queryByRole, typeInto, waitFor } from '../support/dom.tsx';
import { answer, appDataDesk, appInstances, dataRequests } from '../support/dataDesk.ts';
import { type FakeDesk, failWith } from '../support/fakeDesk.ts';
import { anInstance, aStatus } from '../support/fixtures.ts';
import { renderApp } from '../support/renderWithDesk.tsx';

afterEach(async () => {
  await cleanup();
  localStorage.clear();
});

function sidebarItem(name: string) {
  return getByRole('button', { name: new RegExp(`^${name},`) });
}

function emit(desk: FakeDesk, status: SessionStatus) {
  act(() => desk.emit('session.changed', status));
}

/** A key pressed where the focus is, as a keyboard does (it bubbles to the window's shortcut listener). */
function press(init: KeyboardEventInit) {
  keyDown(document.activeElement ?? document.body, init);
}

function focusedName(): string {
  const active = document.activeElement;
  if (!active || active === document.body) return 'body';
  return `${active.tagName.toLowerCase()} ${active.getAttribute('aria-label') ?? active.textContent ?? ''}`.trim();
}

async function openTable(instance: string) {
  click(sidebarItem(instance));
  click(getByRole('tab', { name: 'Data' }));
  await waitFor(() => getByRole('button', { name: 'contacts' }));
  click(getByRole('button', { name: 'contacts' }));
  await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 1–25 of 60'));
}

describe('item 1: Ctrl/Cmd+1..9 keeps the focus', () => {
  it('from inside the workspace, lands on the new instance’s current view tab, not the page body', async () => {
    await renderApp(appDataDesk());
    click(sidebarItem('Local dev'));
    getByRole('button', { name: 'Edit instance' }).focus();
    press({ key: '3', ctrlKey: true });
    await flush();
    expect(getByRole('heading', { name: 'Staging' })).toBeTruthy();
    const tab = getByRole('tab', { name: 'Session' });
    expect(document.activeElement).toBe(tab);
    expect(tab.getAttribute('aria-selected')).toBe('true');
  });

  it('from the sidebar, stays in the sidebar on the instance now selected', async () => {
    await renderApp(appDataDesk());
    sidebarItem('Staging').focus();
    press({ key: '2', ctrlKey: true });
    await flush();
    expect(document.activeElement).toBe(sidebarItem('Local dev'));
    expect(sidebarItem('Local dev').getAttribute('aria-current')).toBe('true');
  });

  it('does nothing while a dialog is open: the instance under the dialog stays', async () => {
    await renderApp(appDataDesk());
    click(sidebarItem('Local dev'));
    click(getByRole('button', { name: 'Edit instance' }));
    const dialog = getByRole('dialog', { name: 'Edit Local dev' });
    press({ key: '3', ctrlKey: true });
    await flush();
    expect(sidebarItem('Local dev').getAttribute('aria-current')).toBe('true');
    expect(dialog.isConnected).toBe(true);
  });
});

describe('removing the shown instance', () => {
  it('puts the focus on the instance shown instead, then on "Add your first instance" when none is left', async () => {
    let left = [...appInstances];
    const desk = appDataDesk({
      'instances.list': () => left,
      'instances.remove': ({ id }) => {
        left = left.filter((instance) => instance.id !== id);
      },
    });
    await renderApp(desk);
    for (const name of ['Staging', 'Production', 'Local dev']) {
      click(sidebarItem(name));
      const remove = getByRole('button', { name: 'Remove instance' });
      remove.focus();
      click(remove);
      await flush();
      click(getByRole('button', { name: 'Yes, remove' }));
      await waitFor(() => expect(queryByRole('heading', { name })).toBeNull());
      await flush();
      const next = left[0];
      if (next) expect(document.activeElement).toBe(getByRole('tab', { name: 'Session' }));
      else expect(document.activeElement).toBe(getByRole('button', { name: 'Add your first instance' }));
    }
  });
});

describe('item 1: signing in and out replaces the focused button', () => {
  it('after an inline sign-in the focus is on the Session heading; after Sign out, on the sign-in form', async () => {
    const desk = appDataDesk({
      'session.status': ({ id }) => aStatus({ instanceId: id, state: 'signed-out', user: undefined }),
      'session.signOut': ({ id }) => aStatus({ instanceId: id, state: 'signed-out', user: undefined }),
    });
    await renderApp(desk);
    click(sidebarItem('Local dev'));
    const form = getByRole('form', { name: 'Sign in to Local dev' });
    typeInto(getByLabel('Email', form), 'jane@example.com');
    typeInto(getByLabel('Password', form), 'pw');
    const signIn = getByRole('button', { name: 'Sign in' }, form);
    signIn.focus();
    click(signIn);
    expect(signIn.getAttribute('aria-busy')).toBe('true');
    expect(document.activeElement).toBe(signIn);
    await waitFor(() => expect(getByRole('heading', { name: 'Session' })).toBeTruthy());
    expect(document.activeElement).toBe(getByRole('heading', { name: 'Session' }));

    const signOut = getByRole('button', { name: 'Sign out' });
    signOut.focus();
    click(signOut);
    await waitFor(() => expect(queryByRole('button', { name: 'Sign out' })).toBeNull());
    // The last login is offered again, so the focus starts at the password.
    expect(getByLabel<HTMLInputElement>('Email').value).toBe('jane@example.com');
    expect(document.activeElement).toBe(getByLabel('Password'));
  });
});

describe('item 2 and 7: the in-place sign-in over an open record editor', () => {
  function endingDesk() {
    let ended = false;
    return appDataDesk({
      request: dataRequests(() => {
        if (ended) return answer({ id: 1 });
        ended = true;
        throw failWith('session-ended', 'The token has been blacklisted: Session terminated. Please re-login.', 401);
      }),
    });
  }

  async function saveIntoEndedSession(desk: FakeDesk, focusSave: boolean) {
    await renderApp(desk);
    await openTable('Local dev');
    click(getByRole('button', { name: 'Edit record 1' }));
    const editor = getByRole('dialog', { name: 'Edit record 1' });
    typeInto(getByLabel('name', editor), 'Ada');
    const save = getByRole('button', { name: 'Save record' }, editor);
    if (focusSave) save.focus();
    else (document.activeElement as HTMLElement | null)?.blur();
    click(save);
    const signIn = await waitFor(() => getByRole('dialog', { name: 'Sign in to Local dev' }));
    emit(desk, aStatus({ state: 'needs-sign-in', endedReason: 'The token has been blacklisted: Session terminated. Please re-login.' }));
    return { editor, save, signIn };
  }

  it('gives the focus back to the editor, and clears its "not saved… sign in again" error', async () => {
    const desk = endingDesk();
    const { editor, save, signIn } = await saveIntoEndedSession(desk, true);
    expect(getByRole('alert', {}, editor).textContent).toContain('The record was not saved.');
    // Item 5: the login of the session that ended is filled in; the focus starts at the password.
    expect(getByLabel<HTMLInputElement>('Email', signIn).value).toBe('jane@example.com');
    typeInto(getByLabel('Password', signIn), 'pw');
    click(getByRole('button', { name: 'Sign in' }, signIn));
    await waitFor(() => expect(queryByRole('dialog', { name: 'Sign in to Local dev' })).toBeNull());

    expect(document.activeElement).toBe(save);
    expect(editor.contains(document.activeElement)).toBe(true);
    expect(queryByRole('alert', {}, editor)).toBeNull();
    expect(getByRole('status', {}, editor).textContent).toContain('Signed in again');
    expect(getByLabel<HTMLInputElement>('name', editor).value).toBe('Ada');
  });

  it('puts the focus on the editor’s first field when the control that had it is gone', async () => {
    const desk = endingDesk();
    const { editor, signIn } = await saveIntoEndedSession(desk, false);
    typeInto(getByLabel('Password', signIn), 'pw');
    click(getByRole('button', { name: 'Sign in' }, signIn));
    await waitFor(() => expect(queryByRole('dialog', { name: 'Sign in to Local dev' })).toBeNull());
    expect(document.activeElement).toBe(getByLabel('name', editor));
  });
});

describe('item 3 and 4: the Add instance dialog', () => {
  it('after Test connection the focus is on the results, and Escape still closes the dialog', async () => {
    await renderApp(appDataDesk());
    click(getByRole('button', { name: 'Add instance' }));
    const dialog = getByRole('dialog', { name: 'Add a DreamFactory instance' });
    typeInto(getByLabel('Name', dialog), 'QA');
    typeInto(getByLabel('URL', dialog), 'https://qa.example.com');
    const test = getByRole('button', { name: 'Test connection' }, dialog);
    test.focus();
    click(test);
    expect(document.activeElement).toBe(test);
    await waitFor(() => getByRole('list', { name: 'Connection checks' }));
    expect(document.activeElement).toBe(getByRole('region', { name: 'Connection test results' }));
    press({ key: 'Escape' });
    expect(queryByRole('dialog')).toBeNull();
  });

  it('after saving a new instance the focus lands on its first sign-in field', async () => {
    const added = anInstance({ id: 'new1', name: 'QA', url: 'https://qa.example.com', tag: 'other' });
    const desk = appDataDesk({
      'instances.add': () => added,
      'session.status': ({ id }) =>
        id === 'new1' ? aStatus({ instanceId: id, state: 'signed-out', user: undefined }) : aStatus({ instanceId: id }),
    });
    await renderApp(desk);
    const add = getByRole('button', { name: 'Add instance' });
    add.focus();
    click(add);
    const dialog = getByRole('dialog', { name: 'Add a DreamFactory instance' });
    typeInto(getByLabel('Name', dialog), 'QA');
    typeInto(getByLabel('URL', dialog), 'https://qa.example.com');
    click(getByRole('button', { name: 'Save instance' }, dialog));
    await waitFor(() => expect(queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(focusedName()).toBe('input'));
    expect(document.activeElement).toBe(getByLabel('Email', getByRole('form', { name: 'Sign in to QA' })));
  });

  it('lands there too for a first instance that the main process announced before the save answered', async () => {
    const added = anInstance({ id: 'new1', name: 'QA', url: 'https://qa.example.com' });
    const desk: FakeDesk = appDataDesk({
      'instances.list': () => [],
      'instances.add': () => {
        // As the main process does: instances.changed goes out before the add's own answer arrives.
        desk.emit('instances.changed', [added]);
        return added;
      },
      'session.status': ({ id }) => aStatus({ instanceId: id, state: 'signed-out', user: undefined }),
    });
    await renderApp(desk);
    click(getByRole('button', { name: 'Add your first instance' }));
    const dialog = getByRole('dialog', { name: 'Add a DreamFactory instance' });
    typeInto(getByLabel('Name', dialog), 'QA');
    typeInto(getByLabel('URL', dialog), 'https://qa.example.com');
    click(getByRole('button', { name: 'Save instance' }, dialog));
    await waitFor(() => expect(queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(getByLabel('Email', getByRole('form', { name: 'Sign in to QA' }))));
  });
});
