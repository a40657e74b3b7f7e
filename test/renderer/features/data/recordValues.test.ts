import { describe, expect, it } from 'vitest';
import type { DfField, DfTableSchema } from '../../../../shared/df/api.ts';
import { columnsFromRecords, displayValue, editableOnCreate, gridColumns, parseFieldText, toInputText } from '../../../../renderer/features/data/recordValues.ts';

function column(overrides: Partial<DfField>): DfField {
  return {
    name: 'c',
    label: 'c',
    type: 'string',
    allowNull: true,
    autoIncrement: false,
    isPrimaryKey: false,
    isForeignKey: false,
    required: false,
    ...overrides,
  };
}

describe('record values', () => {
  it('shows values as text', () => {
    expect(toInputText(null)).toBe('');
    expect(toInputText({ a: 1 })).toBe('{"a":1}');
    expect(displayValue(null)).toBe('null');
    expect(displayValue(3.5)).toBe('3.5');
  });

  it('turns text back into the column type; empty is null where allowed', () => {
    expect(parseFieldText('42', column({ type: 'integer' }))).toEqual({ ok: true, value: 42 });
    expect(parseFieldText('4.2', column({ type: 'integer' }))).toEqual({ ok: false, error: 'c needs a whole number.' });
    expect(parseFieldText('4.5', column({ type: 'decimal' }))).toEqual({ ok: true, value: 4.5 });
    expect(parseFieldText('abc', column({ type: 'float' })).ok).toBe(false);
    expect(parseFieldText('', column({}))).toEqual({ ok: true, value: null });
    expect(parseFieldText('', column({ allowNull: false }))).toEqual({ ok: true, value: '' });
    expect(parseFieldText('', column({ allowNull: false, type: 'integer' })).ok).toBe(false);
    expect(parseFieldText(' keep spaces ', column({}))).toEqual({ ok: true, value: ' keep spaces ' });
  });

  it('leaves server-filled columns out of a new record', () => {
    expect(editableOnCreate(column({ autoIncrement: true }))).toBe(false);
    expect(editableOnCreate(column({ type: 'timestamp_on_create' }))).toBe(false);
    expect(editableOnCreate(column({ type: 'string' }))).toBe(true);
  });

  it('guesses columns from rows when there is no schema', () => {
    expect(columnsFromRecords([{ id: 1, ok: true, score: 1.5, name: 'x' }, { extra: null }])).toEqual([
      expect.objectContaining({ name: 'id', type: 'integer', isPrimaryKey: true }),
      expect.objectContaining({ name: 'ok', type: 'boolean' }),
      expect.objectContaining({ name: 'score', type: 'float' }),
      expect.objectContaining({ name: 'name', type: 'string' }),
      expect.objectContaining({ name: 'extra', type: 'string' }),
    ]);
  });
});

describe('grid columns and key', () => {
  const schema = (fields: DfField[], primaryKey: string[]): DfTableSchema => ({ name: 't', label: 't', fields, primaryKey });

  it("uses the schema's fields, or guesses them from the rows when it has none", () => {
    const fields = [column({ name: 'code' })];
    expect(gridColumns(schema(fields, []), [{ x: 1 }])).toBe(fields);
    expect(gridColumns(schema([], []), [{ x: 1 }]).map((field) => field.name)).toEqual(['x']);
    expect(gridColumns(null, [{ y: 'a' }]).map((field) => field.name)).toEqual(['y']);
  });
});
