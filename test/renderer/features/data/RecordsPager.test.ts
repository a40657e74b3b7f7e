// The pager's buttons and page-size field are exercised through RecordsView.test.tsx.
import { describe, expect, it } from 'vitest';
import { pageInfo } from '../../../../renderer/features/data/RecordsPager.tsx';

describe('pageInfo', () => {
  it('names the rows on screen, and the total when the server counted', () => {
    expect(pageInfo(25, 25, 60)).toBe('Rows 26–50 of 60');
    expect(pageInfo(0, 10, undefined)).toBe('Rows 1–10');
    expect(pageInfo(0, 0, 0)).toBe('No rows of 0');
    expect(pageInfo(0, 0, undefined)).toBe('No rows');
  });
});
