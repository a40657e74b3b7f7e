import { type FormEvent, useId, useState } from 'react';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';

const pageSizes = [10, 25, 50, 100].map((size) => ({ value: String(size), label: String(size) }));

/** "Rows 26–50 of 60"; the total only when the server counted. */
export function pageInfo(shownAt: number, shown: number, total: number | undefined): string {
  const of = total !== undefined ? ` of ${total}` : '';
  if (shown === 0) return total !== undefined ? `No rows${of}` : 'No rows';
  return `Rows ${shownAt + 1}–${shownAt + shown}${of}`;
}

/** The page a typed number means: clamped to 1..pages; null when it is not a number. */
export function typedPage(text: string, pages: number | undefined): number | null {
  const page = Number.parseInt(text.trim(), 10);
  if (!Number.isFinite(page)) return null;
  return Math.min(Math.max(1, page), pages ?? Number.POSITIVE_INFINITY);
}

/** "Page [2] of 4": type a page and press Enter (or leave the field) to go there. */
function PageJump({ page, pages, onPage }: { page: number; pages: number | undefined; onPage: (page: number) => void }) {
  const id = useId();
  const [draft, setDraft] = useState(String(page));
  const [shown, setShown] = useState(page);
  if (shown !== page) {
    // Another page came up (the buttons, a filter): the field follows, without remounting (it may have the focus).
    setShown(page);
    setDraft(String(page));
  }

  function go() {
    const target = typedPage(draft, pages);
    if (target === null || target === page) {
      setDraft(String(page));
      return;
    }
    setDraft(String(target));
    onPage(target);
  }

  return (
    <form
      className="page-jump"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        go();
      }}
    >
      <label htmlFor={id}>Page</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={pages}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={go}
        aria-describedby={`${id}-of`}
      />
      <span id={`${id}-of`}>{pages !== undefined ? `of ${pages}` : ''}</span>
    </form>
  );
}

export interface RecordsPagerProps {
  /** The requested offset and page size. */
  offset: number;
  limit: number;
  /** The offset and row count of the page on screen. */
  shownAt: number;
  shown: number;
  total: number | undefined;
  /** Where the last page starts, when the server counted the rows. */
  lastOffset?: number | undefined;
  loading: boolean;
  onOffset: (offset: number) => void;
  onLimit: (limit: number) => void;
}

/**
 * First, previous, a page number, next, last, and the page size. The buttons stay focusable when they cannot
 * act (on the first or last page, while loading), so pressing "Last page" never drops the focus.
 */
export function RecordsPager(props: RecordsPagerProps) {
  const { offset, limit, shownAt, shown, total, lastOffset, loading, onOffset, onLimit } = props;
  // Without a count, a full page suggests there is more.
  const hasNext = total !== undefined ? offset + limit < total : shown === limit;
  const atStart = offset === 0 || loading;
  const pages = total !== undefined ? Math.max(1, Math.ceil(total / limit)) : undefined;
  return (
    <nav className="pager" aria-label="Pages">
      <Button onClick={() => onOffset(0)} disabled={atStart} focusableWhenDisabled>
        First page
      </Button>
      <Button onClick={() => onOffset(Math.max(0, offset - limit))} disabled={atStart} focusableWhenDisabled>
        Previous page
      </Button>
      <PageJump page={Math.floor(offset / limit) + 1} pages={pages} onPage={(page) => onOffset((page - 1) * limit)} />
      <Button onClick={() => onOffset(offset + limit)} disabled={!hasNext || loading} focusableWhenDisabled>
        Next page
      </Button>
      <Button
        onClick={() => lastOffset !== undefined && onOffset(lastOffset)}
        disabled={lastOffset === undefined || offset >= lastOffset || loading}
        focusableWhenDisabled
      >
        Last page
      </Button>
      <span role="status" className="page-info">
        {pageInfo(shownAt, shown, total)}
      </span>
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
