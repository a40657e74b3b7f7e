// The `db` service over real HTTP: listing, filters, paging, ids, CRUD, schema and 404s (docs/dreamfactory-protocol.md §6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDfServer } from './index.ts';
import type { DfServer } from './index.ts';
import { asRecord, call, login, outcome, resourceOf } from './test-helpers.ts';
import type { CallResult } from './test-helpers.ts';

let server: DfServer;
let token: string;

beforeEach(async () => {
  server = await startDfServer();
  token = await login(server);
});
afterEach(async () => {
  await server.close();
});

const db = (method: string, path: string, body?: unknown): Promise<CallResult> =>
  call(server, method, `/db${path}`, { token, body });
const q = (value: string) => encodeURIComponent(value);

async function allContacts(): Promise<Record<string, unknown>[]> {
  return resourceOf(await db('GET', '/_table/contacts'));
}

describe('listing', () => {
  it('lists tables, as objects or as a list', async () => {
    expect((await db('GET', '/_table')).body).toEqual({ resource: [{ name: 'contacts' }, { name: 'orders' }] });
    expect((await db('GET', '/_table?as_list=true')).body).toEqual({ resource: ['contacts', 'orders'] });
    expect((await db('GET', '/_schema')).body).toEqual({ resource: [{ name: 'contacts' }, { name: 'orders' }] });
  });

  it('returns all ~50 seeded contacts with full rows and no meta', async () => {
    const result = await db('GET', '/_table/contacts');
    expect(Object.keys(asRecord(result.body))).toEqual(['resource']);
    const rows = resourceOf(result);
    expect(rows).toHaveLength(50);
    expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'first_name', 'last_name', 'email', 'age', 'created_date']);
    expect(resourceOf(await db('GET', '/_table/orders')).length).toBeGreaterThan(10);
  });
});

describe('filter', () => {
  const cases: [string, (row: Record<string, unknown>) => boolean][] = [
    ["(first_name = 'Jane')", (r) => r.first_name === 'Jane'],
    ['age > 60', (r) => typeof r.age === 'number' && r.age > 60],
    ['(age >= 30) and (age <= 40)', (r) => typeof r.age === 'number' && r.age >= 30 && r.age <= 40],
    ["first_name like 'J%'", (r) => String(r.first_name).startsWith('J')],
    ["(first_name like 'j%') and (age < 50)", (r) => String(r.first_name).startsWith('J') && typeof r.age === 'number' && r.age < 50],
    ["(last_name = 'O''Neil') or (id = 3)", (r) => r.last_name === "O'Neil" || r.id === 3],
    ["(first_name != 'Jane') and ((age < 20) or (age > 70))", (r) => r.first_name !== 'Jane' && typeof r.age === 'number' && (r.age < 20 || r.age > 70)],
    ['age is null', (r) => r.age === null],
    ['id in (1, 2, 3)', (r) => [1, 2, 3].includes(Number(r.id))],
  ];

  it.each(cases)('%s', async (filter, predicate) => {
    const expected = (await allContacts()).filter(predicate).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(0);
    const rows = resourceOf(await db('GET', `/_table/contacts?filter=${q(filter)}`));
    expect(rows.map((row) => row.id)).toEqual(expected);
  });

  it('rejects unparsable filters and unknown fields', async () => {
    expect((await db('GET', `/_table/contacts?filter=${q('(age > ')}`)).status).toBe(400);
    const unknown = await db('GET', `/_table/contacts?filter=${q("nope = 'x'")}`);
    expect(outcome(unknown)).toEqual([400, "Invalid filter: Invalid or unparsable field in filter request: 'nope'"]);
  });
});

describe('paging, order, fields, ids, count', () => {
  it('order by several fields', async () => {
    const rows = resourceOf(await db('GET', `/_table/contacts?order=${q('first_name asc,id desc')}`));
    const sorted = [...rows].sort(
      (a, b) => String(a.first_name).localeCompare(String(b.first_name)) || Number(b.id) - Number(a.id),
    );
    expect(rows.map((row) => row.id)).toEqual(sorted.map((row) => row.id));
    expect(outcome(await db('GET', '/_table/contacts?order=bogus'))).toEqual([400, "Invalid order by clause: 'bogus'."]);
  });

  it('limit and offset', async () => {
    const rows = resourceOf(await db('GET', '/_table/contacts?limit=5&offset=10&order=id'));
    expect(rows.map((row) => row.id)).toEqual([11, 12, 13, 14, 15]);
  });

  it('include_count adds meta.count, and meta.next while rows remain', async () => {
    const page = asRecord((await db('GET', '/_table/contacts?limit=20&offset=20&include_count=true')).body);
    expect(page.meta).toEqual({ count: 50, next: 40 });
    const last = asRecord((await db('GET', '/_table/contacts?limit=20&offset=40&include_count=true')).body);
    expect(last.meta).toEqual({ count: 50 });
    expect((last.resource as unknown[]).length).toBe(10);
    const noCount = asRecord((await db('GET', '/_table/contacts?limit=20')).body);
    expect(noCount).not.toHaveProperty('meta');
    const filtered = asRecord((await db('GET', `/_table/contacts?include_count=true&filter=${q("first_name = 'Jane'")}`)).body);
    expect(filtered.meta).toEqual({ count: (filtered.resource as unknown[]).length });
  });

  it('fields projects columns', async () => {
    const rows = resourceOf(await db('GET', '/_table/contacts?fields=id,email&limit=2'));
    expect(rows.map((row) => Object.keys(row))).toEqual([
      ['id', 'email'],
      ['id', 'email'],
    ]);
  });

  it('ids returns those records in the given order', async () => {
    const rows = resourceOf(await db('GET', '/_table/contacts?ids=7,3,5'));
    expect(rows.map((row) => row.id)).toEqual([7, 3, 5]);
    expect(outcome(await db('GET', '/_table/contacts?ids=1,999'))).toEqual([404, "Record with identifier '999' not found."]);
  });

  it('count_only answers a bare integer', async () => {
    expect((await db('GET', `/_table/contacts?count_only=true&filter=${q('age > 60')}`)).body).toBe(
      (await allContacts()).filter((row) => typeof row.age === 'number' && row.age > 60).length,
    );
  });
});

describe('single records and writes', () => {
  it('GET by id: bare record, 404 when missing', async () => {
    const record = asRecord((await db('GET', '/_table/contacts/7')).body);
    expect(record.id).toBe(7);
    expect(record).toHaveProperty('first_name');
    expect(outcome(await db('GET', '/_table/contacts/999'))).toEqual([404, "Record with identifier '999' not found."]);
  });

  it('POST creates records and answers their ids', async () => {
    const created = await db('POST', '/_table/contacts', {
      resource: [
        { first_name: 'New', last_name: 'Person', email: 'new@example.com', age: 33 },
        { first_name: 'Other', last_name: 'Person' },
      ],
    });
    expect(created.body).toEqual({ resource: [{ id: 51 }, { id: 52 }] });
    const record = asRecord((await db('GET', '/_table/contacts/51')).body);
    expect(record).toMatchObject({ first_name: 'New', last_name: 'Person', age: 33 });
    expect(String(record.created_date)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const withFields = await db('POST', '/_table/orders?fields=id,item', [{ item: 'Pen', contact_id: 51 }]);
    expect(resourceOf(withFields)).toEqual([{ id: 31, item: 'Pen' }]);
  });

  it('POST rejects an unwrapped object and missing required fields', async () => {
    expect(outcome(await db('POST', '/_table/contacts', { first_name: 'A', last_name: 'B' }))).toEqual([
      400,
      'No record(s) detected in request.',
    ]);
    expect((await db('POST', '/_table/contacts', { resource: [{ first_name: 'A' }] })).status).toBe(400);
    expect(resourceOf(await db('GET', '/_table/contacts'))).toHaveLength(50);
  });

  it('PATCH with a resource array, with ?ids=, and PUT on /{id}', async () => {
    const batch = await db('PATCH', '/_table/contacts', { resource: [{ id: 1, age: 99 }, { id: 2, age: 98 }] });
    expect(batch.body).toEqual({ resource: [{ id: 1 }, { id: 2 }] });
    const byIds = await db('PATCH', '/_table/contacts?ids=3,4', { last_name: 'Changed' });
    expect(byIds.body).toEqual({ resource: [{ id: 3 }, { id: 4 }] });
    const single = await db('PUT', '/_table/contacts/5', { email: 'five@example.com' });
    expect(single.body).toEqual({ id: 5 });
    const rows = resourceOf(await db('GET', '/_table/contacts?ids=1,2,3,4,5'));
    expect(rows.map((row) => row.age).slice(0, 2)).toEqual([99, 98]);
    expect(rows.map((row) => row.last_name).slice(2, 4)).toEqual(['Changed', 'Changed']);
    expect(rows[4]?.email).toBe('five@example.com');
    expect(rows[4]?.first_name).toBe('Carla'); // untouched by the merge
    expect(outcome(await db('PATCH', '/_table/contacts/999', { age: 1 }))).toEqual([404, "Record with identifier '999' not found."]);
    expect(outcome(await db('PATCH', '/_table/contacts', { age: 1 }))).toEqual([400, 'No record(s) detected in request.']);
  });

  it('DELETE by ids, by filter, by id; 400 without criteria', async () => {
    expect((await db('DELETE', '/_table/contacts?ids=1,2')).body).toEqual({ resource: [{ id: 1 }, { id: 2 }] });
    const byFilter = resourceOf(await db('DELETE', `/_table/contacts?filter=${q('id > 45')}`));
    expect(byFilter.map((row) => row.id)).toEqual([46, 47, 48, 49, 50]);
    expect((await db('DELETE', '/_table/contacts/3')).body).toEqual({ id: 3 });
    expect(outcome(await db('DELETE', '/_table/contacts'))).toEqual([400, 'No filter or records given for delete request.']);
    expect(resourceOf(await db('GET', '/_table/contacts'))).toHaveLength(42);
    expect((await db('GET', '/_table/contacts/3')).status).toBe(404);
  });

  it('data is per server instance', async () => {
    await db('DELETE', '/_table/contacts?ids=1,2,3');
    const other = await startDfServer();
    try {
      const otherToken = await login(other);
      expect(resourceOf(await call(other, 'GET', '/db/_table/contacts', { token: otherToken }))).toHaveLength(50);
    } finally {
      await other.close();
    }
  });
});

describe('schema and 404s', () => {
  it('GET _schema/{t} is a bare schema object with a field array', async () => {
    const schema = asRecord((await db('GET', '/_schema/contacts')).body);
    expect(schema).toMatchObject({ name: 'contacts', primary_key: ['id'], is_view: false });
    const fields = schema.field as Record<string, unknown>[];
    expect(fields.map((field) => field.name)).toEqual(['id', 'first_name', 'last_name', 'email', 'age', 'created_date']);
    expect(fields[0]).toMatchObject({ type: 'id', is_primary_key: true, auto_increment: true, allow_null: false });
    const orders = asRecord((await db('GET', '/_schema/orders')).body);
    const contactId = (orders.field as Record<string, unknown>[]).find((field) => field.name === 'contact_id');
    expect(contactId).toMatchObject({ is_foreign_key: true, ref_table: 'contacts', ref_field: 'id' });
  });

  it('unknown tables are 404 with the htmlentities-encoded DF message', async () => {
    for (const path of ['/_table/nope', '/_schema/nope', '/_table/nope/1']) {
      expect(outcome(await db('GET', path))).toEqual([404, 'Table &quot;nope&quot; does not exist in the database.']);
    }
  });
});
