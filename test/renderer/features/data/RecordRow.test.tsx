// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { DfField } from '../../../../shared/df/api.ts';
import { RecordRow, shownChars, titledFrom } from '../../../../renderer/features/data/RecordRow.tsx';
import { cleanup, render } from '../../support/dom.tsx';

afterEach(cleanup);

const column = (name: string) => ({ name, type: 'string' }) as DfField;

function cells(record: Record<string, unknown>) {
  const { container } = render(
    <table>
      <tbody>
        <RecordRow
          record={record}
          columns={Object.keys(record).map(column)}
          recordKey={undefined}
          deleting={false}
          onEdit={() => undefined}
          onDelete={() => undefined}
        />
      </tbody>
    </table>,
  );
  return [...container.querySelectorAll('td')].slice(0, -1);
}

describe('RecordRow cells', () => {
  it('gives every value that may be cut its whole text as a title, and short ones none', () => {
    const email = 'a.rather.long.address@example.com';
    const [short, long, edge, nothing] = cells({ a: 'Jane', b: email, c: 'x'.repeat(titledFrom), d: null });
    expect(short?.title).toBe('');
    expect(long?.title).toBe(email);
    expect(long?.textContent).toBe(email);
    expect(edge?.title).toBe('x'.repeat(titledFrom));
    expect(nothing?.textContent).toBe('null');
    expect(nothing?.className).toBe('null');
  });

  it('shortens very long values in the grid; the title keeps them whole', () => {
    const long = 'y'.repeat(shownChars + 50);
    const [cell] = cells({ notes: long });
    expect(cell?.textContent).toBe(`${'y'.repeat(shownChars)}…`);
    expect(cell?.title).toBe(long);
  });
});
