import { describe, expect, it } from 'vitest';
import {
  describeKey,
  keyOf,
  parseRecordPage,
  parseSchema,
  parseServices,
  parseTables,
  tablePath,
} from '../../../../renderer/features/data/dfData.ts';

describe('DF answer parsing', () => {
  it('reads services from DF ≥2.9 with their groups, and from DF 2.0 as names', () => {
    expect(
      parseServices({
        services: [{ name: 'db', label: 'Database', type: 'mysql' }, { name: 'x' }, { label: 'no name' }],
        service_types: [{ name: 'mysql', group: 'Database' }],
      }),
    ).toEqual([{ name: 'db', label: 'Database', type: 'mysql', group: 'Database' }, { name: 'x', label: 'x' }]);
    expect(parseServices({ resource: ['system', 'db', 42] })).toEqual([
      { name: 'system', label: 'system' },
      { name: 'db', label: 'db' },
    ]);
    expect(parseServices('nope')).toEqual([]);
  });

  it('reads tables as objects or as a list', () => {
    expect(parseTables({ resource: [{ name: 'contacts' }, { label: 'x' }] })).toEqual(['contacts']);
    expect(parseTables(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('reads the schema and its primary key in every form', () => {
    const field = [
      { name: 'id', type: 'id', auto_increment: true, allow_null: false },
      { name: 'email', type: 'string', required: true, allow_null: false },
    ];
    const declared = parseSchema({ primary_key: ['id'], field });
    expect(declared.primaryKey).toEqual(['id']);
    expect(declared.columns[0]).toMatchObject({ name: 'id', isPrimaryKey: true, autoIncrement: true, allowNull: false });
    expect(declared.columns[1]).toMatchObject({ name: 'email', required: true, isPrimaryKey: false });
    expect(parseSchema({ primary_key: 'email', field }).primaryKey).toEqual(['email']);
    expect(parseSchema({ field: [{ name: 'k', is_primary_key: true }] }).primaryKey).toEqual(['k']);
    expect(parseSchema(null)).toEqual({ columns: [], primaryKey: [] });
  });

  it('reads a record page with or without a count', () => {
    expect(parseRecordPage({ resource: [{ id: 1 }, 'junk'], meta: { count: 60 } })).toEqual({
      records: [{ id: 1 }],
      total: 60,
    });
    expect(parseRecordPage({ resource: [] }).total).toBeUndefined();
  });
});

describe('record keys and paths', () => {
  it('encodes path segments', () => {
    expect(tablePath('db', 'my table', 'a/b')).toBe('/db/_table/my%20table/a%2Fb');
  });

  it('builds a key only when every key column has a value', () => {
    expect(keyOf({ id: 7, name: 'x' }, ['id'])).toEqual({ id: 7 });
    expect(keyOf({ a: 1, b: 'z' }, ['a', 'b'])).toEqual({ a: 1, b: 'z' });
    expect(keyOf({ a: 1, b: null }, ['a', 'b'])).toBeUndefined();
    expect(keyOf({ id: 1 }, [])).toBeUndefined();
    expect(describeKey({ a: 1, b: 'z' })).toBe('1, z');
  });
});
