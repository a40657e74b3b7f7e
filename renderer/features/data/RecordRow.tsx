import { type DfField, type DfRecord, type DfRecordKey, describeRecordKey } from '../../../shared/df/api.ts';
import { Button } from '../../ui/Button.tsx';
import { displayValue } from './recordValues.ts';

export interface RecordRowProps {
  record: DfRecord;
  columns: readonly DfField[];
  /** Undefined when the table has no usable key: the row is read-only. */
  recordKey: DfRecordKey | undefined;
  deleting: boolean;
  onEdit: (record: DfRecord, key: DfRecordKey) => void;
  onDelete: (record: DfRecord) => void;
}

/**
 * Values this long may be cut with an ellipsis (a cell is at most 11rem wide when the grid has little room,
 * about 20 average characters, fewer wide ones): they carry the whole value in their title.
 */
export const titledFrom = 16;
/** Longer values are shortened in the DOM too; the title and the editor have them whole. */
export const shownChars = 120;

function Cell({ value }: { value: unknown }) {
  const text = displayValue(value);
  return (
    <td className={value === null ? 'null' : undefined} title={text.length >= titledFrom ? text : undefined}>
      {text.length > shownChars ? `${text.slice(0, shownChars)}…` : text}
    </td>
  );
}

export function RecordRow({ record, columns, recordKey: key, deleting, onEdit, onDelete }: RecordRowProps) {
  const label = key ? describeRecordKey(key) : undefined;
  return (
    <tr>
      {columns.map((column) => (
        <Cell key={column.name} value={record[column.name]} />
      ))}
      <td className="row-actions">
        {key && label !== undefined ? (
          <>
            <Button
              variant="ghost"
              className="btn-compact"
              aria-label={`Edit record ${label}`}
              onClick={() => onEdit(record, key)}
            >
              Edit
            </Button>
            <Button
              variant="ghost"
              className="btn-compact btn-delete"
              aria-label={`Delete record ${label}`}
              busy={deleting}
              onClick={() => onDelete(record)}
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
}
