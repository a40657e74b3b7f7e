import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { Instance } from '../../../shared/ipc/contract.ts';
import { type DeskError, toDeskError } from '../../desk.ts';
import { useDeskState } from '../../state/context.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { useGuardedWrite } from '../instances/useGuardedWrite.ts';
import {
  createRecord,
  type DfRecord,
  type DfTableSchema,
  deleteRecord,
  describeKey,
  getSchema,
  keyOf,
  listRecords,
  type RecordKey,
  type RecordPage,
  updateRecord,
} from './dfData.ts';
import { RecordEditor } from './RecordEditor.tsx';
import { columnsFromRecords, displayValue } from './recordValues.ts';

export interface RecordsViewProps {
  instance: Instance;
  service: string;
  table: string;
}

export const defaultPageSize = 25;
const pageSizes = [10, 25, 50, 100].map((size) => ({ value: String(size), label: String(size) }));

interface Sort {
  column: string;
  direction: 'asc' | 'desc';
}

type Editing = { mode: 'create' } | { mode: 'edit'; record: DfRecord; key: RecordKey } | null;

function nextSort(current: Sort | null, column: string): Sort | null {
  if (current?.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

/** One table's records, a page at a time: large tables are never loaded whole. */
export function RecordsView({ instance, service, table }: RecordsViewProps) {
  const state = useDeskState();
  const api = state.client.api(instance.id);
  const guardedWrite = useGuardedWrite(instance);
  const [schema, setSchema] = useState<DfTableSchema | null>(null);
  const [limit, setLimit] = useState(defaultPageSize);
  const [offset, setOffset] = useState(0);
  const [filter, setFilter] = useState('');
  const [filterDraft, setFilterDraft] = useState('');
  const [sort, setSort] = useState<Sort | null>(null);
  /** The page on screen and the offset it was loaded at (the offset state moves ahead while loading). */
  const [page, setPage] = useState<(RecordPage & { offset: number }) | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<DeskError | null>(null);
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [actionError, setActionError] = useState<DeskError | null>(null);

  useEffect(() => {
    let live = true;
    getSchema(api, service, table).then(
      (loaded) => live && setSchema(loaded),
      // Views and restricted roles may not expose a schema; the grid then guesses columns from the rows.
      () => live && setSchema({ columns: [], primaryKey: [] }),
    );
    return () => {
      live = false;
    };
  }, [api, service, table]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads re-runs the query after a write or Reload.
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const query = { limit, offset, filter, ...(sort ? { order: `${sort.column} ${sort.direction}` } : {}) };
    listRecords(api, service, table, query).then(
      (loaded) => {
        if (!live) return;
        setPage({ ...loaded, offset });
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(toDeskError(failure));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [api, service, table, limit, offset, filter, sort, reloads]);

  const records = page?.records ?? [];
  const columns = useMemo(
    () => (schema && schema.columns.length > 0 ? schema.columns : columnsFromRecords(records)),
    [schema, records],
  );
  const primaryKey = schema && schema.primaryKey.length > 0 ? schema.primaryKey : columns.some((c) => c.name === 'id') ? ['id'] : [];
  const total = page?.total;
  const shownAt = page?.offset ?? 0;
  const hasNext = total !== undefined ? offset + limit < total : records.length === limit;
  const where = `${service}.${table}`;

  function applyFilter(event: FormEvent) {
    event.preventDefault();
    setOffset(0);
    setFilter(filterDraft.trim());
  }

  function clearFilter() {
    setFilterDraft('');
    setOffset(0);
    setFilter('');
  }

  async function remove(record: DfRecord) {
    const key = keyOf(record, primaryKey);
    if (!key) return;
    const label = describeKey(key);
    setActionError(null);
    try {
      const result = await guardedWrite(
        {
          title: `Delete record ${label}?`,
          message: (
            <p>
              This deletes record <strong>{label}</strong> from <code>{where}</code> on <strong>{instance.name}</strong>.
              It cannot be undone.
            </p>
          ),
          confirmLabel: 'Yes, delete',
          destructive: true,
        },
        (confirmed) => {
          // Busy only once the user has said yes: a spinner behind an open "Delete?" dialog reads as "already deleting".
          setDeleting(label);
          return deleteRecord(api, service, table, key, confirmed);
        },
      );
      if (result.done) setReloads((count) => count + 1);
    } catch (failure) {
      setActionError(toDeskError(failure));
    } finally {
      setDeleting(null);
    }
  }

  async function save(values: DfRecord): Promise<boolean> {
    if (!editing) return false;
    const current = editing;
    const label = current.mode === 'edit' ? `record ${describeKey(current.key)}` : 'a new record';
    const result = await guardedWrite(
      {
        title: current.mode === 'edit' ? `Save ${label}?` : 'Create the record?',
        message: (
          <p>
            This writes {label} to <code>{where}</code> on <strong>{instance.name}</strong>.
          </p>
        ),
        confirmLabel: current.mode === 'edit' ? 'Save on production' : 'Create on production',
      },
      (confirmed) =>
        current.mode === 'edit'
          ? updateRecord(api, service, table, current.key, values, confirmed)
          : createRecord(api, service, table, values, confirmed),
    );
    if (result.done) setReloads((count) => count + 1);
    return result.done;
  }

  return (
    <section className="records" aria-label={`Records of ${table}`}>
      <div className="records-toolbar">
        <search className="filter-search">
          <form className="filter-form" onSubmit={applyFilter}>
            <label htmlFor={`filter-${service}-${table}`}>Filter</label>
            <input
              id={`filter-${service}-${table}`}
              value={filterDraft}
              onChange={(event) => setFilterDraft(event.target.value)}
              placeholder="(age > 30) and (last_name like 'S%')"
              spellCheck={false}
              aria-describedby={`filter-hint-${service}-${table}`}
            />
            <Button type="submit">Apply filter</Button>
            {filter && <Button onClick={clearFilter}>Clear filter</Button>}
            <span id={`filter-hint-${service}-${table}`} className="visually-hidden">
              DreamFactory filter syntax, applied with Enter.
            </span>
          </form>
        </search>
        <div className="toolbar-actions">
          <Button onClick={() => setReloads((count) => count + 1)} busy={loading}>
            Reload
          </Button>
          <Button variant="primary" onClick={() => setEditing({ mode: 'create' })} disabled={columns.length === 0}>
            New record
          </Button>
        </div>
      </div>
      <ErrorAlert error={error} title={error?.kind === 'bad-request' ? 'DreamFactory rejected the query.' : undefined} />
      <ErrorAlert error={actionError} />
      <div className="grid-wrap" aria-busy={loading}>
        <table className="grid">
          <caption className="visually-hidden">
            {where}, sorted {sort ? `by ${sort.column} ${sort.direction}` : 'as stored'}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const direction = sort?.column === column.name ? sort.direction : null;
                return (
                  <th
                    key={column.name}
                    scope="col"
                    aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => {
                        setOffset(0);
                        setSort(nextSort(sort, column.name));
                      }}
                    >
                      {column.name}
                      <span aria-hidden="true">{direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
              <th scope="col" className="row-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {records.map((record, index) => {
              const key = keyOf(record, primaryKey);
              const label = key ? describeKey(key) : undefined;
              return (
                <tr key={label ?? `row-${shownAt + index}`}>
                  {columns.map((column) => {
                    const value = record[column.name];
                    const text = displayValue(value);
                    return (
                      <td key={column.name} className={value === null ? 'null' : undefined} title={text.length > 60 ? text : undefined}>
                        {text.length > 120 ? `${text.slice(0, 120)}…` : text}
                      </td>
                    );
                  })}
                  <td className="row-actions">
                    {key && label !== undefined ? (
                      <>
                        <Button
                          variant="ghost"
                          className="btn-compact"
                          aria-label={`Edit record ${label}`}
                          onClick={() => setEditing({ mode: 'edit', record, key })}
                        >
                          Edit
                        </Button>
                        <Button
                          variant="ghost"
                          className="btn-compact btn-delete"
                          aria-label={`Delete record ${label}`}
                          busy={deleting === label}
                          onClick={() => remove(record)}
                        >
                          Delete
                        </Button>
                      </>
                    ) : (
                      <span className="muted">read-only</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!loading && !error && records.length === 0 && (
          <p className="empty">{filter ? 'No records match the filter.' : 'This table is empty.'}</p>
        )}
      </div>
      <nav className="pager" aria-label="Pages">
        <Button onClick={() => setOffset(Math.max(0, offset - limit))} disabled={offset === 0 || loading}>
          Previous page
        </Button>
        <span role="status" className="page-info">
          {records.length === 0
            ? total !== undefined
              ? `No rows of ${total}`
              : 'No rows'
            : `Rows ${shownAt + 1}–${shownAt + records.length}${total !== undefined ? ` of ${total}` : ''}`}
        </span>
        <Button onClick={() => setOffset(offset + limit)} disabled={!hasNext || loading}>
          Next page
        </Button>
        <SelectField
          label="Rows per page"
          className="page-size"
          value={String(limit)}
          options={pageSizes}
          onValue={(value) => {
            setOffset(0);
            setLimit(Number(value));
          }}
        />
      </nav>
      {editing && (
        <RecordEditor
          title={editing.mode === 'edit' ? `Edit record ${describeKey(editing.key)}` : `New record in ${table}`}
          columns={columns}
          {...(editing.mode === 'edit' ? { record: editing.record } : {})}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
