// @vitest-environment happy-dom
// Issue 11, item 6: each instance keeps its own view when the user switches away and back.
import { afterEach, describe, expect, it } from 'vitest';
import { forgetDraft } from '../../../renderer/features/console/drafts.ts';
import { cleanup, click, flush, getByLabel, getByRole, getByText, keyDown, selectOption, typeInto, waitFor } from '../support/dom.tsx';
import { appDataDesk } from '../support/dataDesk.ts';
import type { FakeDesk } from '../support/fakeDesk.ts';
import { renderApp } from '../support/renderWithDesk.tsx';

afterEach(async () => {
  await cleanup();
  localStorage.clear();
  forgetDraft('dev1');
});

function sidebarItem(name: string) {
  return getByRole('button', { name: new RegExp(`^${name},`) });
}

function pageStatus() {
  return getByRole('status', {}, getByRole('navigation', { name: 'Pages' })).textContent;
}

function contactQueries(desk: FakeDesk, instanceId: string) {
  return desk
    .payloads('request')
    .filter((payload) => payload.id === instanceId && payload.request.path === '/db/_table/contacts')
    .map((payload) => payload.request.params);
}

describe('item 6: per-instance state across instance switches', () => {
  it('brings back the service, table, page, page size, filter, sort and console draft', async () => {
    const desk = appDataDesk();
    await renderApp(desk);
    click(sidebarItem('Local dev'));
    click(getByRole('tab', { name: 'Data' }));
    await waitFor(() => getByRole('button', { name: 'contacts' }));
    click(getByRole('button', { name: 'contacts' }));
    await waitFor(() => expect(pageStatus()).toBe('Rows 1–25 of 60'));
    typeInto(getByLabel('Filter'), 'age > 30');
    click(getByRole('button', { name: 'Apply filter' }));
    await waitFor(() => expect(pageStatus()).toBe('Rows 1–25 of 49'));
    click(getByRole('button', { name: 'age' }));
    click(getByRole('button', { name: /^age/ }));
    selectOption(getByLabel('Rows per page'), '10');
    await waitFor(() => expect(pageStatus()).toBe('Rows 1–10 of 49'));
    click(getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(pageStatus()).toBe('Rows 11–20 of 49'));
    click(getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(pageStatus()).toBe('Rows 21–30 of 49'));
    click(getByRole('tab', { name: 'API console' }));
    typeInto(getByLabel('Path'), '/db/_table/orders');
    click(getByRole('tab', { name: 'Data' }));

    // Away (Ctrl+3) and back (a click): the other instance has its own, untouched view.
    keyDown(window, { key: '3', ctrlKey: true });
    await flush();
    expect(getByRole('heading', { name: 'Staging' })).toBeTruthy();
    click(getByRole('tab', { name: 'Data' }));
    await waitFor(() => expect(getByText('Pick a table.')).toBeTruthy());
    click(sidebarItem('Local dev'));
    await flush();

    expect(getByRole('tab', { name: 'Data' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(pageStatus()).toBe('Rows 21–30 of 49'));
    expect(getByLabel<HTMLSelectElement>('Service').value).toBe('db');
    expect(getByRole('button', { name: 'contacts' }).getAttribute('aria-pressed')).toBe('true');
    expect(getByRole('columnheader', { name: 'age ▼' }).getAttribute('aria-sort')).toBe('descending');
    expect(getByLabel<HTMLSelectElement>('Rows per page').value).toBe('10');
    expect(getByLabel<HTMLInputElement>('Page').value).toBe('3');
    expect(getByRole('button', { name: 'Clear filter' })).toBeTruthy();
    expect(contactQueries(desk, 'dev1').at(-1)).toEqual({
      limit: 10,
      offset: 20,
      include_count: true,
      filter: 'age > 30',
      order: 'age desc',
    });
    click(getByRole('tab', { name: 'API console' }));
    expect(getByLabel<HTMLInputElement>('Path').value).toBe('/db/_table/orders');
  });

  it('keeps each table its own page', async () => {
    await renderApp(appDataDesk());
    click(sidebarItem('Local dev'));
    click(getByRole('tab', { name: 'Data' }));
    await waitFor(() => getByRole('button', { name: 'contacts' }));
    click(getByRole('button', { name: 'contacts' }));
    await waitFor(() => expect(pageStatus()).toBe('Rows 1–25 of 60'));
    click(getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(pageStatus()).toBe('Rows 26–50 of 60'));
    click(getByRole('button', { name: 'orders' }));
    await waitFor(() => expect(getByRole('region', { name: 'Records of orders' })).toBeTruthy());
    click(getByRole('button', { name: 'contacts' }));
    await waitFor(() => expect(pageStatus()).toBe('Rows 26–50 of 60'));
  });
});
