import { describe, expect, it } from 'vitest';
import type { DfColumn } from '../../../../renderer/features/data/dfData.ts';
import {
  columnsFromRecords,
  displayValue,
  editableOnCreate,
  parseInput,
  toInputText,
} from '../../../../renderer/features/data/recordValues.ts';

function column(overrides: Partial<DfColumn>): DfColumn {
  return {
    name: 'c',
    label: 'c',
    type: 'string',
    allowNull: true,
    autoIncrement: false,
    isPrimaryKey: false,
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
    expect(parseInput('42', column({ type: 'integer' }))).toEqual({ ok: true, value: 42 });
    expect(parseInput('4.2', column({ type: 'integer' }))).toEqual({ ok: false, error: 'c needs a whole number.' });
    expect(parseInput('4.5', column({ type: 'decimal' }))).toEqual({ ok: true, value: 4.5 });
    expect(parseInput('abc', column({ type: 'float' })).ok).toBe(false);
    expect(parseInput('', column({}))).toEqual({ ok: true, value: null });
    expect(parseInput('', column({ allowNull: false }))).toEqual({ ok: true, value: '' });
    expect(parseInput('', column({ allowNull: false, type: 'integer' })).ok).toBe(false);
    expect(parseInput(' keep spaces ', column({}))).toEqual({ ok: true, value: ' keep spaces ' });
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
