// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyRequest } from '../../../../shared/ipc/contract.ts';
import { DataBrowser } from '../../../../renderer/features/data/DataBrowser.tsx';
import { cleanup, click, getByLabel, getByRole, queryAllByLabel, queryAllByRole, typeInto, waitFor } from '../../support/dom.tsx';
import { FakeDesk, failWith } from '../../support/fakeDesk.ts';
import { anInstance } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

const latestRoot = {
  services: [
    { id: 1, name: 'system', label: 'System Management', type: 'system' },
    { id: 2, name: 'files', label: 'Local File Storage', type: 'local_file' },
    { id: 3, name: 'db', label: 'Local SQL Database', type: 'sqlite' },
  ],
  service_types: [
    { name: 'system', label: 'System', group: 'System' },
    { name: 'local_file', label: 'Local File', group: 'File' },
    { name: 'sqlite', label: 'SQLite', group: 'Database' },
  ],
};

function browserDesk(root: unknown, fail = false) {
  return new FakeDesk({
    request: ({ request }: { request: ProxyRequest }) => {
      if (request.path === '/') {
        if (fail) throw failWith('forbidden', 'Access Forbidden.', 403);
        return { status: 200, data: root, headers: {}, durationMs: 1 };
      }
      if (request.path === '/db/_table') {
        return { status: 200, data: { resource: [{ name: 'contacts' }, { name: 'orders' }] }, headers: {}, durationMs: 1 };
      }
      if (request.path === '/db/_schema/contacts') throw failWith('forbidden', 'No schema access.', 403);
      return {
        status: 200,
        data: { resource: [{ id: 1, name: 'Ada' }], meta: { count: 1 } },
        headers: {},
        durationMs: 1,
      };
    },
  });
}

function optionLabels() {
  return [...getByLabel<HTMLSelectElement>('Service').options].map((option) => option.textContent);
}

describe('DataBrowser', () => {
  it('lists database services (DF ≥2.9 shape), their tables, and opens a table', async () => {
    const desk = browserDesk(latestRoot);
    renderWithDesk(<DataBrowser instance={anInstance()} active />, desk);
    await waitFor(() => expect(getByRole('button', { name: 'contacts' })).toBeTruthy());
    expect(optionLabels()).toEqual(['Local SQL Database (db)']);
    click(getByLabel('Databases only'));
    expect(optionLabels()).toHaveLength(3);

    typeInto(getByLabel('Find table'), 'ord');
    expect(queryAllByRole('button', { name: 'contacts' })).toHaveLength(0);
    typeInto(getByLabel('Find table'), '');
    click(getByRole('button', { name: 'contacts' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Rows 1–1 of 1'));
    // Without schema access the grid guesses columns from the rows.
    expect(getByRole('button', { name: 'Edit record 1' })).toBeTruthy();
    expect(desk.payloads('request').map((payload) => payload.request.path)).toEqual(
      expect.arrayContaining(['/', '/db/_table', '/db/_schema/contacts', '/db/_table/contacts']),
    );
  });

  it('reads the DF 2.0 service list of names', async () => {
    renderWithDesk(<DataBrowser instance={anInstance()} active />, browserDesk({ resource: ['system', 'db', 'files'] }));
    await waitFor(() => expect(getByRole('button', { name: 'orders' })).toBeTruthy());
    expect(optionLabels()).toEqual(['system', 'db', 'files']);
    expect(getByLabel<HTMLSelectElement>('Service').value).toBe('db');
    expect(queryAllByLabel('Databases only')).toHaveLength(0);
  });

  it('fetches nothing until the tab is shown', async () => {
    const desk = browserDesk(latestRoot);
    const view = renderWithDesk(<DataBrowser instance={anInstance()} active={false} />, desk);
    await waitFor(() => expect(desk.calls).toHaveLength(0));
    view.unmount();
  });

  it('explains a refused service list and offers a retry', async () => {
    const desk = browserDesk(latestRoot, true);
    renderWithDesk(<DataBrowser instance={anInstance()} active />, desk);
    const alert = await waitFor(() => getByRole('alert'));
    expect(alert.textContent).toContain('Could not list the services.');
    click(getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(desk.payloads('request')).toHaveLength(2));
    await waitFor(() => expect(getByRole('alert')).toBeTruthy());
  });
});
