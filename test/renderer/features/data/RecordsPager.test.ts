// The pager's buttons and page-size field are exercised through RecordsView.test.tsx.
import { describe, expect, it } from 'vitest';
import { pageInfo, typedPage } from '../../../../renderer/features/data/RecordsPager.tsx';

describe('pageInfo', () => {
  it('names the rows on screen, and the total when the server counted', () => {
    expect(pageInfo(25, 25, 60)).toBe('Rows 26–50 of 60');
    expect(pageInfo(0, 10, undefined)).toBe('Rows 1–10');
    expect(pageInfo(0, 0, 0)).toBe('No rows of 0');
    expect(pageInfo(0, 0, undefined)).toBe('No rows');
  });
});

describe('typedPage', () => {
  it('reads a typed page number, clamped to the pages there are; not a number is null', () => {
    expect(typedPage(' 3 ', 4)).toBe(3);
    expect(typedPage('9', 4)).toBe(4);
    expect(typedPage('0', 4)).toBe(1);
    expect(typedPage('-2', 4)).toBe(1);
    expect(typedPage('12', undefined)).toBe(12);
    expect(typedPage('', 4)).toBeNull();
    expect(typedPage('two', 4)).toBeNull();
  });
});
