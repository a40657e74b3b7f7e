import { type DfField, type DfRecord, type DfRecordKey, describeRecordKey, recordKey } from '../../../shared/df/api.ts';
import { RecordRow } from './RecordRow.tsx';
import type { Sort } from './useRecordsPage.ts';

export interface RecordsTableProps {
  /** `service.table`, for the caption. */
  where: string;
  columns: readonly DfField[];
  records: readonly DfRecord[];
  primaryKey: readonly string[];
  /** Where the rows on screen start, so keyless rows still get stable keys. */
  shownAt: number;
  sort: Sort | null;
  onSort: (column: string) => void;
  /** The key label of the record being deleted. */
  deleting: string | null;
  onEdit: (record: DfRecord, key: DfRecordKey) => void;
  onDelete: (record: DfRecord) => void;
}

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;
const arrows = { asc: ' ▲', desc: ' ▼' } as const;

function SortHeader({ column, sort, onSort }: { column: string; sort: Sort | null; onSort: (column: string) => void }) {
  const direction = sort?.column === column ? sort.direction : null;
  return (
    <th scope="col" aria-sort={direction ? ariaSort[direction] : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {column}
        <span aria-hidden="true">{direction ? arrows[direction] : ''}</span>
      </button>
    </th>
  );
}

export function RecordsTable({ where, columns, records, primaryKey, shownAt, sort, onSort, ...rows }: RecordsTableProps) {
  return (
    <table className="grid">
      <caption className="visually-hidden">
        {where}, sorted {sort ? `by ${sort.column} ${sort.direction}` : 'as stored'}
      </caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <SortHeader key={column.name} column={column.name} sort={sort} onSort={onSort} />
          ))}
          <th scope="col" className="row-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {records.map((record, index) => {
          const key = recordKey(record, primaryKey);
          const label = key ? describeRecordKey(key) : undefined;
          return (
            <RecordRow
              key={label ?? `row-${shownAt + index}`}
              record={record}
              columns={columns}
              recordKey={key}
              deleting={label !== undefined && rows.deleting === label}
              onEdit={rows.onEdit}
              onDelete={rows.onDelete}
            />
          );
        })}
      </tbody>
    </table>
  );
}
