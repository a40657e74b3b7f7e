import { useEffect, useState } from 'react';
import { type DfHttp, type DfRecordPage, records as readRecords } from '../../../shared/df/api.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';
import type { TableView } from './browseMemory.ts';

export const defaultPageSize = 25;

export interface Sort {
  column: string;
  direction: 'asc' | 'desc';
}

/** A column header click: ascending, then descending, then back to the stored order. */
export function nextSort(current: Sort | null, column: string): Sort | null {
  if (current?.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

/** The page on screen and the offset it was loaded at (the requested offset moves ahead while loading). */
export type ShownPage = DfRecordPage & { offset: number };

export interface RecordsPageState {
  limit: number;
  offset: number;
  filter: string;
  sort: Sort | null;
  page: ShownPage | null;
  loading: boolean;
  error: DeskError | null;
  setOffset(offset: number): void;
  /** The offset of the last page, when the server counted the rows. */
  lastOffset: number | undefined;
  /** Filter, sort and page size start again from the first page. */
  setLimit(limit: number): void;
  setFilter(filter: string): void;
  sortBy(column: string): void;
  reload(): void;
}

/** Where the last page starts: 0 for an empty table. */
export function lastPageOffset(total: number, limit: number): number {
  return Math.max(0, Math.ceil(total / limit) - 1) * limit;
}

/**
 * One table's records, a page at a time with a count: large tables are never loaded whole. A new `generation`
 * (the instance or the signed-in user changed) reads the same page again. `initial` is where the user was.
 */
export function useRecordsPage(
  api: DfHttp,
  service: string,
  table: string,
  generation = 0,
  initial?: TableView,
): RecordsPageState {
  const [limit, setLimitState] = useState(initial?.limit ?? defaultPageSize);
  const [offset, setOffset] = useState(initial?.offset ?? 0);
  const [filter, setFilterState] = useState(initial?.filter ?? '');
  const [sort, setSort] = useState<Sort | null>(initial?.sort ?? null);
  const [page, setPage] = useState<ShownPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<DeskError | null>(null);
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads and generation re-run the query (a write, Reload, a change).
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const order = sort ? { order: `${sort.column} ${sort.direction}` } : {};
    readRecords(api, service, table, { limit, offset, filter, ...order, includeCount: true }).then(
      (loaded) => {
        if (!live) return;
        // Past the end (the table shrank since, or the last row of the last page was deleted): the last page.
        const count = loaded.count;
        if (loaded.records.length === 0 && offset > 0 && count !== undefined && offset >= count) {
          setOffset(lastPageOffset(count, limit));
          return;
        }
        setPage({ ...loaded, offset });
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(uiError(failure));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [api, service, table, limit, offset, filter, sort, reloads, generation]);

  return {
    limit,
    offset,
    filter,
    sort,
    page,
    loading,
    error,
    setOffset,
    lastOffset: page?.count === undefined ? undefined : lastPageOffset(page.count, limit),
    setLimit(next) {
      setOffset(0);
      setLimitState(next);
    },
    setFilter(next) {
      setOffset(0);
      setFilterState(next);
    },
    sortBy(column) {
      setOffset(0);
      setSort(nextSort(sort, column));
    },
    reload: () => setReloads((count) => count + 1),
  };
}
