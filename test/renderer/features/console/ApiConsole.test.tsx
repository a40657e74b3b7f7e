// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyResponse } from '../../../../shared/ipc/contract.ts';
import { ApiConsole } from '../../../../renderer/features/console/ApiConsole.tsx';
import { forgetDraft } from '../../../../renderer/features/console/drafts.ts';
import { forgetHistory } from '../../../../renderer/features/console/history.ts';
import { cleanup, click, flush, getByLabel, getByRole, getByText, keyDown, queryByRole, selectOption, typeInto, waitFor } from '../../support/dom.tsx';
import { FakeDesk, failWith } from '../../support/fakeDesk.ts';
import { anInstance } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(async () => {
  await cleanup();
  for (const id of ['dev1', 'prod1']) {
    forgetHistory(id);
    forgetDraft(id);
  }
  localStorage.clear();
});

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXRlc3Q';

function consoleDesk(answer: Partial<ProxyResponse> = {}) {
  return new FakeDesk({
    request: () => ({
      status: 200,
      data: { resource: [{ id: 1, name: 'Ada' }] },
      headers: { 'content-type': 'application/json' },
      durationMs: 37,
      ...answer,
    }),
  });
}

function requests(desk: FakeDesk) {
  return desk.payloads('request').map((payload) => payload.request);
}

function sendButton() {
  return getByRole<HTMLButtonElement>('button', { name: 'Send' });
}

describe('ApiConsole', () => {
  it('validates the JSON body and refuses to send until it parses', async () => {
    const desk = consoleDesk();
    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    selectOption(getByLabel('Method'), 'POST');
    typeInto(getByLabel('Path'), '/db/_table/contacts');
    typeInto(getByLabel('JSON body'), '{"resource": [');
    expect(getByText(/The body is not valid JSON/)).toBeTruthy();
    expect(getByLabel('JSON body').getAttribute('aria-invalid')).toBe('true');
    expect(sendButton().disabled).toBe(true);
    keyDown(getByLabel('JSON body'), { key: 'Enter', ctrlKey: true });
    await flush();
    expect(desk.calls).toHaveLength(0);

    typeInto(getByLabel('JSON body'), '{"resource": [{"name": "Ada"}]}');
    expect(getByText('Valid JSON.')).toBeTruthy();
    expect(sendButton().disabled).toBe(false);
  });

  it('sends method, path, params and the parsed body, then shows status, time, headers and pretty JSON', async () => {
    const desk = consoleDesk({ status: 201 });
    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    selectOption(getByLabel('Method'), 'POST');
    typeInto(getByLabel('Path'), '/api/v2/db/_table/contacts');
    typeInto(getByLabel('Param 1 key'), 'fields');
    typeInto(getByLabel('Param 1 value'), 'id,name');
    typeInto(getByLabel('JSON body'), '{"resource": [{"name": "Ada"}]}');
    click(sendButton());
    await waitFor(() => expect(getByText('Status 201 Created')).toBeTruthy());
    expect(requests(desk)).toEqual([
      {
        method: 'POST',
        path: '/db/_table/contacts',
        params: { fields: 'id,name' },
        data: { resource: [{ name: 'Ada' }] },
      },
    ]);
    expect(getByText('Time 37 ms')).toBeTruthy();
    expect(getByText('Headers (1)')).toBeTruthy();
    expect(getByLabel('Response body').textContent).toBe(JSON.stringify({ resource: [{ id: 1, name: 'Ada' }] }, null, 2));
  });

  it('keeps the body box small for GET and DELETE, growing with what is typed, and full size for writes', () => {
    renderWithDesk(<ApiConsole instance={anInstance()} />, consoleDesk());
    const rows = () => Number(getByLabel<HTMLTextAreaElement>('JSON body').getAttribute('rows'));
    expect(rows()).toBe(2);
    typeInto(getByLabel('JSON body'), '{\n"a": 1,\n"b": 2\n}');
    expect(rows()).toBe(4);
    selectOption(getByLabel('Method'), 'POST');
    expect(rows()).toBe(8);
    selectOption(getByLabel('Method'), 'DELETE');
    expect(rows()).toBe(4);
    typeInto(getByLabel('JSON body'), '');
    expect(rows()).toBe(2);
  });

  it('sends with Ctrl+Enter and with Cmd+Enter', async () => {
    const desk = consoleDesk();
    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    typeInto(getByLabel('Path'), '/db/_table');
    keyDown(getByLabel('Path'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(requests(desk)).toHaveLength(1));
    await waitFor(() => expect(sendButton().getAttribute('aria-busy')).toBeNull());
    keyDown(getByLabel('JSON body'), { key: 'Enter', metaKey: true });
    await waitFor(() => expect(requests(desk)).toHaveLength(2));
    await waitFor(() => expect(sendButton().getAttribute('aria-busy')).toBeNull());
    expect(requests(desk)[0]).toEqual({ method: 'GET', path: '/db/_table' });
  });

  it('never shows a token that a response carries', async () => {
    const desk = consoleDesk({ data: { session_token: jwt, name: 'Jane', note: `Bearer ${jwt}` } });
    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    typeInto(getByLabel('Path'), '/user/session');
    click(sendButton());
    await waitFor(() => expect(getByLabel('Response body')).toBeTruthy());
    expect(document.body.innerHTML).not.toContain(jwt);
    expect(getByLabel('Response body').textContent).toContain('Jane');
  });

  it('refuses a full URL on another host', async () => {
    const desk = consoleDesk();
    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    typeInto(getByLabel('Path'), 'https://evil.example.com/api/v2/db');
    click(sendButton());
    await flush();
    expect(getByText(/That URL is not on this instance/)).toBeTruthy();
    expect(desk.calls).toHaveLength(0);
  });

  it('shows a refusal in plain words', async () => {
    const desk = new FakeDesk({
      request: () => {
        throw failWith('forbidden', "Access Forbidden. GET access to component '_table/x' is not allowed.", 403);
      },
    });
    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    typeInto(getByLabel('Path'), '/db/_table/x');
    click(sendButton());
    const alert = await waitFor(() => getByRole('alert'));
    expect(alert.textContent).toContain('Not allowed for this role.');
    expect(alert.textContent).toContain('(HTTP 403)');
  });

  it('asks before a write on prod and sends confirmed:true; reads go straight through', async () => {
    const desk = consoleDesk();
    renderWithDesk(<ApiConsole instance={anInstance({ id: 'prod1', tag: 'prod' })} />, desk);
    typeInto(getByLabel('Path'), '/db/_table/contacts');
    click(sendButton());
    await waitFor(() => expect(sendButton().getAttribute('aria-busy')).toBeNull());
    expect(requests(desk)).toHaveLength(1);
    expect(queryByRole('alertdialog')).toBeNull();

    selectOption(getByLabel('Method'), 'DELETE');
    typeInto(getByLabel('Param 1 key'), 'ids');
    typeInto(getByLabel('Param 1 value'), '3');
    click(sendButton());
    await flush();
    expect(getByRole('alertdialog').textContent).toContain('PRODUCTION instance');
    expect(requests(desk)).toHaveLength(1);
    click(getByRole('button', { name: 'Send to production' }));
    await waitFor(() => expect(requests(desk)).toHaveLength(2));
    expect(requests(desk)[1]).toEqual({
      method: 'DELETE',
      path: '/db/_table/contacts',
      params: { ids: '3' },
      confirmed: true,
    });
  });
});

describe('ApiConsole history', () => {
  it('keeps recent requests per instance, with secrets masked in storage, and recalls one', async () => {
    const desk = consoleDesk();
    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    selectOption(getByLabel('Method'), 'POST');
    typeInto(getByLabel('Path'), '/user/session');
    typeInto(getByLabel('JSON body'), '{"email": "jane@example.com", "password": "hunter2"}');
    click(sendButton());
    await waitFor(() => expect(getByRole('button', { name: 'POST /user/session · 200' })).toBeTruthy());

    const stored = localStorage.getItem('dfdesk.console.history.v1.dev1') ?? '';
    expect(stored).toContain('/user/session');
    expect(stored).toContain('jane@example.com');
    expect(stored).not.toContain('hunter2');
    expect(stored).not.toMatch(/headers|durationMs/);

    selectOption(getByLabel('Method'), 'GET');
    typeInto(getByLabel('Path'), '/other');
    typeInto(getByLabel('JSON body'), '');
    click(getByRole('button', { name: 'POST /user/session · 200' }));
    expect(getByLabel<HTMLSelectElement>('Method').value).toBe('POST');
    expect(getByLabel<HTMLInputElement>('Path').value).toBe('/user/session');
    expect(getByLabel<HTMLTextAreaElement>('JSON body').value).toContain('[hidden by DF Desk]');
  });

  it('survives a remount from storage and can be cleared', async () => {
    const desk = consoleDesk();
    const first = renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    typeInto(getByLabel('Path'), '/db/_table');
    click(sendButton());
    await waitFor(() => expect(getByRole('button', { name: 'GET /db/_table · 200' })).toBeTruthy());
    first.unmount();
    // Drop the in-memory copy only, so the second mount must read localStorage.
    forgetHistory('dev1', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });

    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    expect(getByRole('button', { name: 'GET /db/_table · 200' })).toBeTruthy();
    expect(getByLabel<HTMLInputElement>('Path').value).toBe('/db/_table');
    click(getByRole('button', { name: 'Clear history' }));
    expect(queryByRole('button', { name: 'GET /db/_table · 200' })).toBeNull();
    expect(localStorage.getItem('dfdesk.console.history.v1.dev1')).toBeNull();
  });
});

describe('ApiConsole history: secrets typed into the path (item 10)', () => {
  const key = 'a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8';
  const typed = `/db/_table/contacts?api_key=${key}&session_token=${jwt}&limit=2&x-api-key=plain-secret&filter=(age%20%3E%2030)`;
  const masked =
    '/db/_table/contacts?api_key=[hidden by DF Desk]&session_token=[hidden by DF Desk]&limit=2&x-api-key=[hidden by DF Desk]&filter=(age%20%3E%2030)';

  it('item 10: the path reaches localStorage with its secret query parameters masked, other parameters kept', async () => {
    const desk = consoleDesk();
    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    typeInto(getByLabel('Path'), typed);
    click(sendButton());
    await waitFor(() => expect(getByRole('button', { name: `GET ${masked} · 200` })).toBeTruthy());
    // What was sent is what the user typed: masking is for storage only.
    expect(requests(desk)[0]?.params).toMatchObject({ api_key: key, session_token: jwt, 'x-api-key': 'plain-secret' });

    const stored = localStorage.getItem('dfdesk.console.history.v1.dev1') ?? '';
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(jwt);
    expect(stored).not.toContain('plain-secret');
    expect(JSON.parse(stored)[0].path).toBe(masked);
  });

  it('item 10: a recalled entry is not sent with the placeholder; it asks for the hidden values, then sends what was typed', async () => {
    const desk = consoleDesk();
    renderWithDesk(<ApiConsole instance={anInstance()} />, desk);
    typeInto(getByLabel('Path'), '/db/_table/contacts?api_key=typed-key&limit=2');
    typeInto(getByLabel('Param 1 key'), 'session_token');
    typeInto(getByLabel('Param 1 value'), 'typed-token');
    click(sendButton());
    const entryName = 'GET /db/_table/contacts?api_key=[hidden by DF Desk]&limit=2 · 200';
    await waitFor(() => expect(getByRole('button', { name: entryName })).toBeTruthy());
    expect(requests(desk)).toHaveLength(1);

    typeInto(getByLabel('Path'), '/other');
    click(getByRole('button', { name: entryName }));
    expect(getByLabel<HTMLInputElement>('Path').value).toBe('/db/_table/contacts?api_key=[hidden by DF Desk]&limit=2');
    expect(getByLabel<HTMLInputElement>('Param 1 value').value).toBe('[hidden by DF Desk]');
    click(sendButton());
    const alert = await waitFor(() => getByRole('alert'));
    expect(alert.textContent).toContain('Type the hidden values again, or remove them, before sending');
    expect(alert.textContent).toContain('api_key (in the path), session_token (parameter)');
    expect(requests(desk)).toHaveLength(1);

    typeInto(getByLabel('Path'), '/db/_table/contacts?api_key=second-key&limit=2');
    click(getByRole('button', { name: 'Remove param 1' }));
    click(sendButton());
    await waitFor(() => expect(requests(desk)).toHaveLength(2));
    expect(requests(desk)[1]).toEqual({ method: 'GET', path: '/db/_table/contacts', params: { api_key: 'second-key', limit: '2' } });
    expect(JSON.stringify(requests(desk))).not.toContain('[hidden by DF Desk]');
    expect(queryByRole('alert')).toBeNull();
  });
});
