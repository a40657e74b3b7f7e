// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { RecordsFilter } from '../../../../renderer/features/data/RecordsFilter.tsx';
import { cleanup, click, getByLabel, getByRole, queryByRole, render, typeInto } from '../../support/dom.tsx';

afterEach(cleanup);

function show(applied: string, onApply: (filter: string) => void = () => undefined) {
  return render(<RecordsFilter service="db" table="contacts" applied={applied} onApply={onApply} />);
}

describe('RecordsFilter', () => {
  it('puts "Clear filter" inside the box, so the box is the same element, in the same place, with or without it', () => {
    const applied: string[] = [];
    const view = show('', (filter) => applied.push(filter));
    const box = getByLabel('Filter');
    const wrapper = box.parentElement;
    expect(queryByRole('button', { name: 'Clear filter' })).toBeNull();
    typeInto(box, ' age > 30 ');
    click(getByRole('button', { name: 'Apply filter' }));
    expect(applied).toEqual(['age > 30']);

    view.rerender(<RecordsFilter service="db" table="contacts" applied="age > 30" onApply={(filter) => applied.push(filter)} />);
    const clear = getByRole('button', { name: 'Clear filter' });
    // Inside the box's own wrapper, after the box: the form's row (label, box, Apply) is unchanged.
    expect(clear.parentElement).toBe(wrapper);
    expect(getByLabel('Filter')).toBe(box);
    expect([...(wrapper?.parentElement?.children ?? [])].map((child) => child.tagName)).toEqual(['LABEL', 'SPAN', 'BUTTON', 'SPAN']);
  });

  it('clears, and gives the focus to the box rather than dropping it with the button', () => {
    const applied: string[] = [];
    show('age > 30', (filter) => applied.push(filter));
    const box = getByLabel<HTMLInputElement>('Filter');
    typeInto(box, 'age > 30');
    const clear = getByRole('button', { name: 'Clear filter' });
    clear.focus();
    click(clear);
    expect(applied).toEqual(['']);
    expect(box.value).toBe('');
    expect(document.activeElement).toBe(box);
  });
});
