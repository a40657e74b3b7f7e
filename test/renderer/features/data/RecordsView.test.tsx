// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Instance, ProxyRequest, ProxyResponse } from '../../../../shared/ipc/contract.ts';
import { RecordsView } from '../../../../renderer/features/data/RecordsView.tsx';
import { cleanup, click, flush, getByLabel, getByRole, getByText, queryAllByRole, queryByRole, selectOption, typeInto, waitFor } from '../../support/dom.tsx';
import { FakeDesk, failWith } from '../../support/fakeDesk.ts';
import { anInstance } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

const schema = {
  name: 'contacts',
  primary_key: ['id'],
  field: [
    { name: 'id', type: 'id', auto_increment: true, is_primary_key: true, allow_null: false },
    { name: 'name', type: 'string', allow_null: false, required: true },
    { name: 'age', type: 'integer', allow_null: true },
  ],
};

function answer(data: unknown, status = 200): ProxyResponse {
  return { status, data, headers: {}, durationMs: 3 };
}

function tableDesk(onWrite?: (request: ProxyRequest) => void) {
  const rows = Array.from({ length: 60 }, (_, index) => ({ id: index + 1, name: `Person ${index + 1}`, age: 20 + index }));
  return new FakeDesk({
    request: ({ request }) => {
      if (request.path === '/db/_schema/contacts') return answer(schema);
      if (request.method === 'GET' && request.path === '/db/_table/contacts') {
        if (request.params?.filter === 'broken(') throw failWith('bad-request', 'Invalid filter syntax.', 400);
        const offset = Number(request.params?.offset ?? 0);
        const limit = Number(request.params?.limit ?? 1000);
        return answer({ resource: rows.slice(offset, offset + limit), meta: { count: rows.length } });
      }
      onWrite?.(request);
      return answer({ resource: [{ id: 1 }] });
    },
  });
}

function recordQueries(desk: FakeDesk) {
  return desk
    .payloads('request')
    .map((payload) => payload.request)
    .filter((request) => request.method === 'GET' && request.path === '/db/_table/contacts')
    .map((request) => request.params);
}

function writes(desk: FakeDesk) {
  return desk
    .payloads('request')
    .map((payload) => payload.request)
    .filter((request) => request.method !== 'GET');
}

async function show(desk: FakeDesk, instance: Instance = anInstance()) {
  const rendered = renderWithDesk(<RecordsView instance={instance} service="db" table="contacts" />, desk);
  await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 1–25 of 60'));
  return rendered;
}

function bodyRows() {
  return queryAllByRole('row').filter((row) => row.parentElement?.tagName === 'TBODY');
}

describe('RecordsView paging, sorting and filtering', () => {
  it('loads the first page of 25 with a count, and pages with offset', async () => {
    const desk = tableDesk();
    await show(desk);
    expect(recordQueries(desk)).toEqual([{ limit: 25, offset: 0, include_count: true }]);
    expect(bodyRows()).toHaveLength(25);
    expect(getByRole('button', { name: 'Previous page' }).getAttribute('aria-disabled')).toBe('true');

    click(getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 26–50 of 60'));
    click(getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 51–60 of 60'));
    expect(getByRole('button', { name: 'Next page' }).getAttribute('aria-disabled')).toBe('true');
    click(getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 26–50 of 60'));
    expect(recordQueries(desk).map((params) => params?.offset)).toEqual([0, 25, 50, 25]);
  });

  it('item 10: goes to the last and first page, and to a typed page number (Enter, or leaving the field)', async () => {
    const desk = tableDesk();
    await show(desk);
    const page = () => getByLabel<HTMLInputElement>('Page');
    expect(page().value).toBe('1');
    expect(page().getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(page().getAttribute('aria-describedby') ?? '')?.textContent).toBe('of 3');
    expect(getByRole('button', { name: 'First page' }).getAttribute('aria-disabled')).toBe('true');

    click(getByRole('button', { name: 'Last page' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 51–60 of 60'));
    expect(page().value).toBe('3');
    expect(getByRole('button', { name: 'Last page' }).getAttribute('aria-disabled')).toBe('true');
    click(getByRole('button', { name: 'Last page' }));
    click(getByRole('button', { name: 'First page' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 1–25 of 60'));

    typeInto(page(), '2');
    act(() => {
      page().form?.requestSubmit();
    });
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 26–50 of 60'));
    typeInto(page(), '99');
    act(() => {
      page().dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 51–60 of 60'));
    expect(page().value).toBe('3');
    typeInto(page(), 'x');
    act(() => {
      page().form?.requestSubmit();
    });
    expect(page().value).toBe('3');
    expect(recordQueries(desk).map((params) => params?.offset)).toEqual([0, 50, 0, 25, 50]);
  });

  it('item 10: a page past the end (the table shrank since) shows the last page instead of nothing', async () => {
    let size = 60;
    const rows = () => Array.from({ length: size }, (_, index) => ({ id: index + 1, name: `P${index + 1}`, age: 1 }));
    const desk = new FakeDesk({
      request: ({ request }) => {
        if (request.path === '/db/_schema/contacts') return answer(schema);
        const offset = Number(request.params?.offset ?? 0);
        const limit = Number(request.params?.limit ?? 1000);
        return answer({ resource: rows().slice(offset, offset + limit), meta: { count: size } });
      },
    });
    await show(desk);
    click(getByRole('button', { name: 'Last page' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 51–60 of 60'));
    size = 30;
    click(getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 26–30 of 30'));
  });

  it('sorts by a clicked column: ascending, descending, then unsorted, back on the first page', async () => {
    const desk = tableDesk();
    await show(desk);
    click(getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 26–50 of 60'));

    click(getByRole('button', { name: 'name' }));
    await flush();
    expect(getByRole('columnheader', { name: 'name ▲' }).getAttribute('aria-sort')).toBe('ascending');
    click(getByRole('button', { name: /^name/ }));
    await flush();
    expect(getByRole('columnheader', { name: 'name ▼' }).getAttribute('aria-sort')).toBe('descending');
    click(getByRole('button', { name: /^name/ }));
    await flush();
    const last3 = recordQueries(desk).slice(-3);
    expect(last3).toEqual([
      { limit: 25, offset: 0, include_count: true, order: 'name asc' },
      { limit: 25, offset: 0, include_count: true, order: 'name desc' },
      { limit: 25, offset: 0, include_count: true },
    ]);
  });

  it('applies a DF filter from the first page and clears it', async () => {
    const desk = tableDesk();
    await show(desk);
    click(getByRole('button', { name: 'Next page' }));
    await flush();
    typeInto(getByLabel('Filter'), "(age > 30) and (name like 'P%')");
    click(getByRole('button', { name: 'Apply filter' }));
    await flush();
    expect(recordQueries(desk).at(-1)).toEqual({
      limit: 25,
      offset: 0,
      include_count: true,
      filter: "(age > 30) and (name like 'P%')",
    });
    click(getByRole('button', { name: 'Clear filter' }));
    await flush();
    expect(recordQueries(desk).at(-1)).toEqual({ limit: 25, offset: 0, include_count: true });
    expect(getByLabel<HTMLInputElement>('Filter').value).toBe('');
  });

  it('changes the page size', async () => {
    const desk = tableDesk();
    await show(desk);
    selectOption(getByLabel('Rows per page'), '50');
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 1–50 of 60'));
    expect(recordQueries(desk).at(-1)).toMatchObject({ limit: 50, offset: 0 });
  });

  it("shows DF's refusal of a bad filter", async () => {
    const desk = tableDesk();
    await show(desk);
    typeInto(getByLabel('Filter'), 'broken(');
    click(getByRole('button', { name: 'Apply filter' }));
    const alert = await waitFor(() => getByRole('alert'));
    expect(alert.textContent).toContain('DreamFactory rejected the query.');
    expect(alert.textContent).toContain('Invalid filter syntax.');
  });
});

describe('RecordsView without a readable schema', () => {
  it('guesses the columns from the rows and keys them by id when the schema answer is not DF-shaped', async () => {
    const desk = tableDesk();
    const read = desk.handlers.request;
    desk.handlers.request = async (payload) => {
      if (payload.request.path === '/db/_schema/contacts') return answer({ hello: 'world' });
      if (!read) throw new Error('tableDesk has no request handler');
      return read(payload);
    };
    await show(desk);
    expect(queryAllByRole('columnheader').map((header) => header.textContent)).toEqual(['id', 'name', 'age', 'Actions']);
    expect(getByRole('button', { name: 'Edit record 1' })).toBeTruthy();
    expect(queryByRole('alert')).toBeNull();
  });
});

describe('RecordsView writes', () => {
  const prod = anInstance({ id: 'prod1', name: 'Production', tag: 'prod', url: 'https://df.example.com' });

  it('on prod, asks before deleting and sends confirmed:true only after Yes', async () => {
    const desk = tableDesk();
    await show(desk, prod);
    click(getByRole('button', { name: 'Delete record 3' }));
    await flush();
    const dialog = getByRole('alertdialog');
    expect(dialog.textContent).toContain('PRODUCTION instance');
    expect(dialog.textContent).toContain('Delete record 3?');
    click(getByRole('button', { name: 'Cancel' }, dialog));
    await flush();
    expect(writes(desk)).toEqual([]);
    expect(queryByRole('alertdialog')).toBeNull();

    click(getByRole('button', { name: 'Delete record 3' }));
    await flush();
    click(getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(writes(desk)).toHaveLength(1));
    expect(writes(desk)[0]).toEqual({ method: 'DELETE', path: '/db/_table/contacts/3', confirmed: true });
    await waitFor(() => expect(recordQueries(desk)).toHaveLength(2));
  });

  it('shows the delete as busy only after the user confirmed it, until the server answers', async () => {
    let answerDelete: () => void = () => undefined;
    const pending = new Promise<void>((resolve) => {
      answerDelete = resolve;
    });
    const desk = tableDesk();
    const read = desk.handlers.request;
    desk.handlers.request = async (payload) => {
      if (payload.request.method === 'DELETE') {
        await pending;
        return answer({ resource: [{ id: 3 }] });
      }
      if (!read) throw new Error('tableDesk has no request handler');
      return read(payload);
    };
    await show(desk);
    const deleteButton = () => getByRole<HTMLButtonElement>('button', { name: 'Delete record 3' });

    click(deleteButton());
    await flush();
    expect(getByRole('alertdialog').textContent).toContain('Delete record 3?');
    expect(deleteButton().getAttribute('aria-busy')).toBeNull();
    expect(deleteButton().disabled).toBe(false);

    click(getByRole('button', { name: 'Cancel' }, getByRole('alertdialog')));
    await flush();
    expect(deleteButton().getAttribute('aria-busy')).toBeNull();

    click(deleteButton());
    await flush();
    click(getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(writes(desk)).toHaveLength(1));
    expect(deleteButton().getAttribute('aria-busy')).toBe('true');
    expect(deleteButton().getAttribute('aria-disabled')).toBe('true');

    answerDelete();
    await waitFor(() => expect(deleteButton().getAttribute('aria-busy')).toBeNull());
    expect(writes(desk)[0]).toEqual({ method: 'DELETE', path: '/db/_table/contacts/3', confirmed: true });
  });

  it('on prod, confirms an edit and sends only the changed field with confirmed:true', async () => {
    const desk = tableDesk();
    await show(desk, prod);
    click(getByRole('button', { name: 'Edit record 2' }));
    await flush();
    const editor = getByRole('dialog', { name: 'Edit record 2' });
    expect(getByLabel<HTMLInputElement>('name', editor).value).toBe('Person 2');
    typeInto(getByLabel('name', editor), 'Ada Lovelace');
    click(getByRole('button', { name: 'Save record' }, editor));
    await flush();
    expect(writes(desk)).toEqual([]);
    expect(getByRole('alertdialog').textContent).toContain('PRODUCTION instance');
    click(getByRole('button', { name: 'Save on production' }));
    await waitFor(() => expect(writes(desk)).toHaveLength(1));
    expect(writes(desk)[0]).toEqual({
      method: 'PATCH',
      path: '/db/_table/contacts/2',
      data: { name: 'Ada Lovelace' },
      confirmed: true,
    });
    await waitFor(() => expect(queryByRole('dialog')).toBeNull());
  });

  it('on prod, a cancelled confirmation keeps the editor open with the input', async () => {
    const desk = tableDesk();
    await show(desk, prod);
    click(getByRole('button', { name: 'New record' }));
    await flush();
    const editor = getByRole('dialog', { name: 'New record in contacts' });
    typeInto(getByLabel('name', editor), 'Grace');
    typeInto(getByLabel('age', editor), '85');
    click(getByRole('button', { name: 'Create record' }, editor));
    await flush();
    click(getByRole('button', { name: 'Cancel' }, getByRole('alertdialog')));
    await flush();
    expect(writes(desk)).toEqual([]);
    expect(getByLabel<HTMLInputElement>('name', getByRole('dialog')).value).toBe('Grace');

    click(getByRole('button', { name: 'Create record' }, getByRole('dialog')));
    await flush();
    click(getByRole('button', { name: 'Create on production' }));
    await waitFor(() => expect(writes(desk)).toHaveLength(1));
    expect(writes(desk)[0]).toEqual({
      method: 'POST',
      path: '/db/_table/contacts',
      data: { resource: [{ name: 'Grace', age: 85 }] },
      confirmed: true,
    });
  });

  it('off prod, saves an edit without asking', async () => {
    const desk = tableDesk();
    await show(desk);
    click(getByRole('button', { name: 'Edit record 1' }));
    await flush();
    typeInto(getByLabel('age', getByRole('dialog')), '');
    click(getByRole('button', { name: 'Save record' }));
    await waitFor(() => expect(writes(desk)).toHaveLength(1));
    expect(queryByRole('alertdialog')).toBeNull();
    expect(writes(desk)[0]).toEqual({ method: 'PATCH', path: '/db/_table/contacts/1', data: { age: null } });
    await waitFor(() => expect(queryByRole('dialog')).toBeNull());
  });

  it('checks a number column before sending', async () => {
    const desk = tableDesk();
    await show(desk);
    click(getByRole('button', { name: 'Edit record 1' }));
    await flush();
    typeInto(getByLabel('age', getByRole('dialog')), 'old');
    click(getByRole('button', { name: 'Save record' }));
    await flush();
    expect(getByText('age needs a whole number.')).toBeTruthy();
    expect(writes(desk)).toEqual([]);
  });

  it('asks and retries when the main process answers confirmation-required', async () => {
    let refused = false;
    const desk = tableDesk((request) => {
      if (!request.confirmed) {
        refused = true;
        throw failWith('confirmation-required', 'Confirm this write.');
      }
    });
    await show(desk);
    click(getByRole('button', { name: 'Edit record 1' }));
    await flush();
    typeInto(getByLabel('name', getByRole('dialog')), 'Changed');
    click(getByRole('button', { name: 'Save record' }));
    await waitFor(() => expect(getByRole('alertdialog')).toBeTruthy());
    expect(refused).toBe(true);
    click(getByRole('button', { name: 'Save on production' }));
    await waitFor(() => expect(writes(desk)).toHaveLength(2));
    expect(writes(desk).map((request) => request.confirmed)).toEqual([undefined, true]);
  });
});
