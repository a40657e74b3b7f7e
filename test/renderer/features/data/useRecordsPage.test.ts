// The hook itself is exercised through RecordsView.test.tsx (paging, sorting, filtering, page size, reload).
import { describe, expect, it } from 'vitest';
import { nextSort } from '../../../../renderer/features/data/useRecordsPage.ts';

describe('nextSort', () => {
  it('cycles a column ascending, descending, unsorted; another column starts ascending', () => {
    const asc = nextSort(null, 'name');
    expect(asc).toEqual({ column: 'name', direction: 'asc' });
    const desc = nextSort(asc, 'name');
    expect(desc).toEqual({ column: 'name', direction: 'desc' });
    expect(nextSort(desc, 'name')).toBeNull();
    expect(nextSort(desc, 'age')).toEqual({ column: 'age', direction: 'asc' });
  });
});
