// @vitest-environment happy-dom
// Issue 11, items 3, 4 and 11 (behaviour): the instance form on the keyboard.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewInstance, ProbeReport } from '../../../../shared/ipc/contract.ts';
import { InstanceForm } from '../../../../renderer/features/instances/InstanceForm.tsx';
import { accessibleName, cleanup, click, getByLabel, getByRole, queryAllByRole, typeInto, waitFor } from '../../support/dom.tsx';
import { FakeDesk, failWith } from '../../support/fakeDesk.ts';
import { anInstance, aProbeReport } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(() => {
  vi.restoreAllMocks();
  return cleanup();
});

function addDesk(probe: () => ProbeReport | Promise<ProbeReport> = () => aProbeReport()) {
  return new FakeDesk({
    'instances.add': (input: NewInstance) => anInstance({ id: 'new1', name: input.name, url: input.url }),
    'instances.probe': probe,
  });
}

/** A radio Tab stops at: the checked one of its group, else the group's first. */
function radioStop(radio: HTMLInputElement): boolean {
  const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(radio.name)}"]`)];
  const checked = group.find((item) => item.checked);
  return radio === (checked ?? group[0]);
}

/** The controls Tab visits, in order, by accessible name (as a browser does, radio groups included). */
function tabOrder(root: ParentNode = document.body): string[] {
  const candidates = [...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')];
  return candidates
    .filter((element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && !element.closest('[hidden]'))
    .filter((element) => !(element instanceof HTMLInputElement && element.type === 'radio') || radioStop(element))
    .map((element) => accessibleName(element));
}

describe('item 4: the common path is short', () => {
  it('reaches Test connection one Tab after the API key, and Save in nine Tabs from the name', () => {
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, addDesk());
    const order = tabOrder();
    expect(order).toEqual([
      'Name',
      'URL',
      'API key',
      'Test connection',
      'Tag',
      'Color',
      'Preset blue',
      'Favourite',
      'Cancel',
      'Save instance',
    ]);
    expect(order.indexOf('Test connection') - order.indexOf('API key')).toBe(1);
    expect(order.indexOf('Save instance') - order.indexOf('Name')).toBe(9);
  });

  it('offers the preset colours as one radio group (one Tab stop, arrows pick), named by colour', () => {
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, addDesk());
    const group = getByRole('group', { name: 'Preset colours' });
    const radios = queryAllByRole('radio', {}, group) as HTMLInputElement[];
    expect(radios.map((radio) => accessibleName(radio))).toEqual([
      'Preset blue',
      'Preset teal',
      'Preset green',
      'Preset amber',
      'Preset red',
      'Preset purple',
      'Preset slate',
    ]);
    // One group name: the browser's Tab visits the checked radio only, and the arrows move within the group.
    expect(new Set(radios.map((radio) => radio.name)).size).toBe(1);
    expect(radios.filter((radio) => radio.checked).map((radio) => accessibleName(radio))).toEqual(['Preset blue']);
    click(getByRole('radio', { name: 'Preset teal' }, group));
    expect(getByLabel<HTMLInputElement>('Color').value).toBe('#0f8b8d');
    expect(radios.filter((radio) => radio.checked).map((radio) => accessibleName(radio))).toEqual(['Preset teal']);
    typeInto(getByLabel('Color'), '#123456');
    expect(radios.some((radio) => radio.checked)).toBe(false);
  });

  it('puts the focus on the first field to fix when Save finds errors', () => {
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, addDesk());
    typeInto(getByLabel('Name'), 'QA');
    click(getByRole('button', { name: 'Save instance' }));
    expect(document.activeElement).toBe(getByLabel('URL'));
  });
});

describe('item 3 and 11: after Test connection', () => {
  it('keeps the focus on the busy button, then hands it to the results and scrolls them into view', async () => {
    const scrolled: Element[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this);
    });
    let answer: () => void = () => undefined;
    const desk = addDesk(
      () =>
        new Promise<ProbeReport>((resolve) => {
          answer = () => resolve(aProbeReport({ apiKeyAccepted: false }));
        }),
    );
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    typeInto(getByLabel('URL'), 'https://df.example.com');
    const test = getByRole('button', { name: 'Test connection' });
    test.focus();
    click(test);
    expect(test.getAttribute('aria-busy')).toBe('true');
    expect(document.activeElement).toBe(test);
    answer();
    const results = await waitFor(() => getByRole('region', { name: 'Connection test results' }));
    expect(document.activeElement).toBe(results);
    expect(scrolled).toEqual([results]);
    expect(getByRole('status', {}, results).textContent).toMatch(/^Connection test finished/);
  });

  it('leaves the focus alone when the user moved on while the test ran', async () => {
    let answer: () => void = () => undefined;
    const desk = addDesk(
      () =>
        new Promise<ProbeReport>((resolve) => {
          answer = () => resolve(aProbeReport());
        }),
    );
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    typeInto(getByLabel('URL'), 'https://df.example.com');
    click(getByRole('button', { name: 'Test connection' }));
    getByLabel('Name').focus();
    answer();
    await waitFor(() => getByRole('region', { name: 'Connection test results' }));
    expect(document.activeElement).toBe(getByLabel('Name'));
  });

  it('hands the focus to a test that could not run, too', async () => {
    const desk = addDesk(() => {
      throw failWith('network', 'connect ECONNREFUSED 127.0.0.1:9');
    });
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    typeInto(getByLabel('URL'), 'http://127.0.0.1:9');
    const test = getByRole('button', { name: 'Test connection' });
    test.focus();
    click(test);
    const results = await waitFor(() => getByRole('region', { name: 'Connection test results' }));
    expect(document.activeElement).toBe(results);
    expect(getByRole('alert', {}, results).textContent).toContain('The connection test could not run.');
  });
});
