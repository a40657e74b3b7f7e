// DF's answer shapes read into api.ts's types, and the by-key writes, without a server: what the renderer's
// own DF layer (renderer/features/data/dfData.ts, now removed) checked, against the shared readers.
import axios, { type AxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { deleteRecordByKey, describeRecordKey, recordKey, updateRecord, updateRecordByKey, writableKey } from '../../../shared/df/api.ts';
import { readRecordPage, readServices, readTableSchema, readTables } from '../../../shared/df/api-answers.ts';
import { DfError } from '../../../shared/df/errors.ts';

function thrown(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('expected the reader to throw');
}

function notDreamFactory(read: () => unknown): void {
  const error = thrown(read);
  expect(error).toBeInstanceOf(DfError);
  expect((error as DfError).kind).toBe('not-dreamfactory');
}

describe('DF answer parsing', () => {
  it('reads services from DF ≥2.9 with their groups, and from DF 2.0 as names', () => {
    expect(
      readServices(
        {
          services: [{ name: 'db', label: 'Database', type: 'mysql' }, { name: 'x' }, { label: 'no name' }],
          service_types: [{ name: 'mysql', group: 'Database' }],
        },
        'GET /api/v2',
      ),
    ).toEqual([{ name: 'db', label: 'Database', type: 'mysql', group: 'Database' }, { name: 'x', label: 'x' }]);
    expect(readServices({ resource: ['system', 'db', 42] }, 'GET /api/v2')).toEqual([
      { name: 'system', label: 'system' },
      { name: 'db', label: 'db' },
    ]);
    // dfData read a body of another shape as "no services"; the shared reader says the server is not DF.
    notDreamFactory(() => readServices('nope', 'GET /api/v2'));
  });

  it('reads tables as objects or as a list', () => {
    expect(readTables({ resource: [{ name: 'contacts' }, { label: 'x' }] }, 'GET db/_table')).toEqual([{ name: 'contacts' }]);
    expect(readTables(['a', 'b'], 'GET db/_table')).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('reads the schema and its primary key in every form', () => {
    const field = [
      { name: 'id', type: 'id', auto_increment: true, allow_null: false },
      { name: 'email', type: 'string', required: true, allow_null: false },
    ];
    const what = 'GET db/_schema/contacts';
    const declared = readTableSchema({ name: 'contacts', primary_key: ['id'], field }, what);
    expect(declared.primaryKey).toEqual(['id']);
    expect(declared.fields[0]).toMatchObject({ name: 'id', isPrimaryKey: true, autoIncrement: true, allowNull: false });
    expect(declared.fields[1]).toMatchObject({ name: 'email', required: true, isPrimaryKey: false });
    expect(readTableSchema({ name: 'contacts', primary_key: 'email', field }, what).primaryKey).toEqual(['email']);
    expect(readTableSchema({ name: 'contacts', field: [{ name: 'k', is_primary_key: true }] }, what).primaryKey).toEqual([
      'k',
    ]);
    // dfData read no body as an empty schema; the shared reader refuses it, and the grid falls back to
    // guessing columns from the rows on any schema failure (test/renderer/features/data/RecordsView.test.tsx).
    notDreamFactory(() => readTableSchema(null, what));
  });

  it('reads a record page with or without a count', () => {
    expect(readRecordPage({ resource: [{ id: 1 }, 'junk'], meta: { count: 60 } }, 'GET db/_table/contacts')).toEqual({
      records: [{ id: 1 }],
      count: 60,
    });
    expect(readRecordPage({ resource: [] }, 'GET db/_table/contacts').count).toBeUndefined();
  });
});

/** A real axios instance whose adapter records each request and answers `{resource:[]}`-style bodies. */
function recordingHttp() {
  const sent: AxiosRequestConfig[] = [];
  const http = axios.create({
    adapter: async (config) => {
      sent.push(config);
      const data = config.method === 'get' || /\/_table\/[^/]+\/[^/]+$/.test(config.url ?? '') ? { id: 1 } : { resource: [] };
      return { data, status: 200, statusText: 'OK', headers: {}, config };
    },
  });
  return { http, sent };
}

describe('record keys and paths', () => {
  it('encodes path segments', async () => {
    const { http, sent } = recordingHttp();
    await updateRecord(http, 'db', 'my table', 'a/b', {});
    expect(sent[0]?.url).toBe('/db/_table/my%20table/a%2Fb');
  });

  it('builds a key only when every key column has a value', () => {
    expect(recordKey({ id: 7, name: 'x' }, ['id'])).toEqual({ id: 7 });
    expect(recordKey({ a: 1, b: 'z' }, ['a', 'b'])).toEqual({ a: 1, b: 'z' });
    expect(recordKey({ a: 1, b: null }, ['a', 'b'])).toBeUndefined();
    expect(recordKey({ id: 1 }, [])).toBeUndefined();
    expect(describeRecordKey({ a: 1, b: 'z' })).toBe('1, z');
  });

  it("writes rows by the schema's primary key, else by a column named id, else not at all", () => {
    const schema = (primaryKey: string[]) => ({ name: 't', label: 't', fields: [], primaryKey });
    expect(writableKey(schema(['a', 'b']), [{ name: 'id' }])).toEqual(['a', 'b']);
    expect(writableKey(schema([]), [{ name: 'id' }])).toEqual(['id']);
    expect(writableKey(null, [{ name: 'id' }])).toEqual(['id']);
    expect(writableKey(null, [{ name: 'code' }])).toEqual([]);
  });

  it('writes by key: one column in the path, a composite key in the body, with the caller’s request config', async () => {
    const { http, sent } = recordingHttp();
    const request = { headers: { 'X-Test': 'yes' } };
    await updateRecordByKey(http, 'db', 'contacts', { id: 2 }, { name: 'Ada' }, { request });
    await updateRecordByKey(http, 'db', 'links', { a: 1, b: 'z' }, { note: 'n' });
    await deleteRecordByKey(http, 'db', 'contacts', { id: 3 });
    await deleteRecordByKey(http, 'db', 'links', { a: 1, b: 'z' }, { request });
    expect(sent.map((config) => [config.method, config.url, config.data])).toEqual([
      ['patch', '/db/_table/contacts/2', JSON.stringify({ name: 'Ada' })],
      ['patch', '/db/_table/links', JSON.stringify({ resource: [{ note: 'n', a: 1, b: 'z' }] })],
      ['delete', '/db/_table/contacts/3', undefined],
      ['delete', '/db/_table/links', JSON.stringify({ resource: [{ a: 1, b: 'z' }] })],
    ]);
    expect(sent[0]?.headers?.['X-Test']).toBe('yes');
    expect(sent[3]?.headers?.['X-Test']).toBe('yes');
  });
});
