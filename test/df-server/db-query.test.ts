import { describe, expect, it } from 'vitest';
import { paginate, parseIds, parseNonNegativeInt } from './db-query.ts';
import type { Row } from './db-store.ts';

const ROWS: Row[] = Array.from({ length: 25 }, (_, index) => ({ id: index + 1 }));
const page = (query: string, max = 100) => paginate(ROWS, new URLSearchParams(query), max);

describe('paginate (Table::runQuery meta rules)', () => {
  it('no limit: everything, no meta while under max_records_returned', () => {
    expect(page('')).toEqual({ rows: ROWS, meta: null });
  });

  it('limit without include_count: no meta', () => {
    expect(page('limit=10').meta).toBeNull();
  });

  it('include_count: count, and next while rows remain', () => {
    expect(page('limit=10&include_count=true').meta).toEqual({ count: 25, next: 10 });
    expect(page('limit=10&offset=20&include_count=1').meta).toEqual({ count: 25 });
  });

  it('oversized or missing limit falls back to max_records_returned and counts', () => {
    const result = page('', 10);
    expect(result.rows).toHaveLength(10);
    expect(result.meta).toEqual({ count: 25, next: 10 });
    expect(page('limit=50', 10).meta).toEqual({ count: 25, next: 10 });
  });

  it('helpers', () => {
    expect(parseIds(' 1, 2,,3 ')).toEqual(['1', '2', '3']);
    expect(parseNonNegativeInt('7')).toBe(7);
    expect(parseNonNegativeInt('-1')).toBeNull();
    expect(parseNonNegativeInt(null)).toBeNull();
  });
});
