import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import type { TableListState } from './useDataSources.ts';

export interface TablePickerProps {
  /** Makes the search field's id unique per instance. */
  instanceId: string;
  list: TableListState;
}

/** A searchable list of the service's tables; the picked one is pressed. */
export function TablePicker({ instanceId, list }: TablePickerProps) {
  const [search, setSearch] = useState('');
  const { tables, table } = list;
  const names = tables.phase === 'done' ? tables.value.map((item) => item.name) : [];
  const needle = search.trim().toLowerCase();
  const visible = needle ? names.filter((name) => name.toLowerCase().includes(needle)) : names;
  return (
    <>
      <div className="field">
        <label htmlFor={`table-search-${instanceId}`}>Find table</label>
        <input
          id={`table-search-${instanceId}`}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          spellCheck={false}
        />
      </div>
      {tables.phase === 'loading' && (
        <p className="muted" aria-busy="true">
          Loading tables…
        </p>
      )}
      <ErrorAlert error={tables.phase === 'failed' ? tables.error : null} title="Could not list the tables." />
      {tables.phase === 'done' && (
        <ul className="table-list" aria-label="Tables">
          {visible.map((name) => (
            <li key={name}>
              <button type="button" className="list-button" aria-pressed={name === table} onClick={() => list.setTable(name)}>
                {name}
              </button>
            </li>
          ))}
          {visible.length === 0 && <li className="muted">No tables{needle ? ' match' : ''}.</li>}
        </ul>
      )}
    </>
  );
}
