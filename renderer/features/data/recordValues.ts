import type { DfField, DfRecord, DfTableSchema } from '../../../shared/df/api.ts';

const integerTypes = new Set(['id', 'integer', 'bigint', 'smallint', 'reference', 'user_id', 'user_id_on_create', 'user_id_on_update']);
const decimalTypes = new Set(['float', 'double', 'decimal', 'money']);
/** Columns the server fills in itself: not offered when creating a record. */
const serverFilled = new Set(['timestamp_on_create', 'timestamp_on_update', 'user_id_on_create', 'user_id_on_update']);

export function isBooleanColumn(column: DfField): boolean {
  return column.type === 'boolean';
}

export function editableOnCreate(column: DfField): boolean {
  return !column.autoIncrement && !serverFilled.has(column.type) && column.type !== 'id';
}

/** Shows any DF value in a text box: JSON for structures, '' for null. */
export function toInputText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function displayValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** Turns the text the user typed back into the column's type; empty means null where the column allows it. */
export function parseFieldText(text: string, column: DfField): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') {
    if (column.allowNull) return { ok: true, value: null };
    return integerTypes.has(column.type) || decimalTypes.has(column.type)
      ? { ok: false, error: `${column.name} needs a number.` }
      : { ok: true, value: '' };
  }
  if (integerTypes.has(column.type)) {
    return /^-?\d+$/.test(trimmed)
      ? { ok: true, value: Number(trimmed) }
      : { ok: false, error: `${column.name} needs a whole number.` };
  }
  if (decimalTypes.has(column.type)) {
    const number = Number(trimmed);
    return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, error: `${column.name} needs a number.` };
  }
  return { ok: true, value: text };
}

/** Columns for a table without a readable schema (views, restricted roles): guessed from the rows. */
export function columnsFromRecords(records: readonly DfRecord[]): DfField[] {
  const seen = new Map<string, DfField>();
  for (const record of records.slice(0, 50)) {
    for (const [name, value] of Object.entries(record)) {
      if (seen.has(name)) continue;
      const type =
        typeof value === 'boolean'
          ? 'boolean'
          : typeof value === 'number'
            ? Number.isInteger(value)
              ? 'integer'
              : 'float'
            : 'string';
      seen.set(name, {
        name,
        label: name,
        type,
        allowNull: true,
        autoIncrement: false,
        isPrimaryKey: name === 'id',
        isForeignKey: false,
        required: false,
      });
    }
  }
  return [...seen.values()];
}

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The grid's columns: the schema's fields, or guessed from the rows when the schema says nothing. */
export function gridColumns(schema: DfTableSchema | null, records: readonly DfRecord[]): DfField[] {
  return schema && schema.fields.length > 0 ? schema.fields : columnsFromRecords(records);
}
