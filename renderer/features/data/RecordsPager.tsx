import { SelectField } from '../../ui/Field.tsx';
import { Button } from '../../ui/Button.tsx';

const pageSizes = [10, 25, 50, 100].map((size) => ({ value: String(size), label: String(size) }));

/** "Rows 26–50 of 60"; the total only when the server counted. */
export function pageInfo(shownAt: number, shown: number, total: number | undefined): string {
  const of = total !== undefined ? ` of ${total}` : '';
  if (shown === 0) return total !== undefined ? `No rows${of}` : 'No rows';
  return `Rows ${shownAt + 1}–${shownAt + shown}${of}`;
}

export interface RecordsPagerProps {
  /** The requested offset and page size. */
  offset: number;
  limit: number;
  /** The offset and row count of the page on screen. */
  shownAt: number;
  shown: number;
  total: number | undefined;
  loading: boolean;
  onOffset: (offset: number) => void;
  onLimit: (limit: number) => void;
}

export function RecordsPager({ offset, limit, shownAt, shown, total, loading, onOffset, onLimit }: RecordsPagerProps) {
  // Without a count, a full page suggests there is more.
  const hasNext = total !== undefined ? offset + limit < total : shown === limit;
  return (
    <nav className="pager" aria-label="Pages">
      <Button onClick={() => onOffset(Math.max(0, offset - limit))} disabled={offset === 0 || loading}>
        Previous page
      </Button>
      <span role="status" className="page-info">
        {pageInfo(shownAt, shown, total)}
      </span>
      <Button onClick={() => onOffset(offset + limit)} disabled={!hasNext || loading}>
        Next page
      </Button>
      <SelectField
        label="Rows per page"
        className="page-size"
        value={String(limit)}
        options={pageSizes}
        onValue={(value) => onLimit(Number(value))}
      />
    </nav>
  );
}
