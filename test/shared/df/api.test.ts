// Typed API helpers over real loopback HTTP, normalised across every era.
import { describe, expect, it } from 'vitest';
import {
  DfError,
  createRecords,
  deleteRecord,
  deleteRecordByKey,
  environment,
  records,
  schema,
  services,
  tables,
  updateRecord,
  updateRecords,
} from '../../../shared/df/index.ts';
import type { DfHttp, DfRecord } from '../../../shared/df/index.ts';
import { ERAS, MemoryTokenStore, harness, makeClient, plainServer } from './helpers.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { JANE } from '../../fixtures/users.ts';

/** One contact as the server has it now (read through records(), the call the data browser uses). */
async function byId(http: DfHttp, id: number): Promise<DfRecord | undefined> {
  return (await records(http, 'db', 'contacts', { filter: `id = ${id}` })).records[0];
}

const VERSIONS = { latest: '7.7.0', '2.14': '2.14.2', '2.0': '2.0.0' } as const;

describe.each(ERAS)('api helpers on DF %s', (era) => {
  it('environment() is normalised: forever sessions, login attribute, version, auth methods', async () => {
    const h = await harness(era, { server: { allowForever: true } });
    const anonymous = await environment(h.client.http);
    expect(anonymous).toMatchObject({
      allowForeverSessions: true,
      loginAttribute: 'email',
      authMethods: { admin: true, user: true, openRegistration: false, oauth: [], ldap: [] },
    });
    // The API key yields a role here, so even ≥2.10 tells the version before sign-in.
    expect(anonymous.version).toBe(VERSIONS[era]);
    await h.client.login(JANE);
    expect((await environment(h.client.http)).version).toBe(VERSIONS[era]);
  });

  it('environment() reports the login attribute where the era has one (DF ≥2.6)', async () => {
    const h = await harness(era, { server: { loginAttribute: 'username' } });
    const env = await environment(h.client.http);
    expect(env.allowForeverSessions).toBe(false);
    expect(env.loginAttribute).toBe(era === '2.0' ? 'email' : 'username');
    if (era !== '2.0') {
      const info = await h.client.login({ username: 'jane', password: JANE.password });
      expect(info.email).toBe(JANE.email);
    }
  });

  it('services() lists names on every era (2.0 names, ≥2.9 objects)', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    const list = await services(h.client.http);
    const db = list.find((service) => service.name === 'db');
    expect(db).toBeDefined();
    if (era === '2.0') expect(db).toEqual({ name: 'db', label: 'db' });
    else expect(db).toMatchObject({ name: 'db', label: 'Local SQL Database', type: 'sqlite' });
  });

  it('tables() and schema()', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    expect((await tables(h.client.http, 'db')).map((table) => table.name)).toEqual(['contacts', 'orders']);
    const contacts = await schema(h.client.http, 'db', 'contacts');
    expect(contacts.primaryKey).toEqual(['id']);
    expect(contacts.nameField).toBe('last_name');
    const firstName = contacts.fields.find((field) => field.name === 'first_name');
    expect(firstName).toMatchObject({ type: 'string', required: true, allowNull: false, isPrimaryKey: false });
    expect(contacts.fields.find((field) => field.name === 'id')).toMatchObject({ isPrimaryKey: true, autoIncrement: true });
    const orders = await schema(h.client.http, 'db', 'orders');
    expect(orders.fields.find((field) => field.name === 'contact_id')).toMatchObject({ isForeignKey: true, refTable: 'contacts' });
  });

  it('records() pages, filters, orders, projects and counts', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    const page = await records(h.client.http, 'db', 'contacts', {
      limit: 5,
      offset: 5,
      order: 'id asc',
      fields: ['id', 'last_name'],
      includeCount: true,
    });
    expect(page.records.map((row) => row.id)).toEqual([6, 7, 8, 9, 10]);
    expect(Object.keys(page.records[0] ?? {})).toEqual(['id', 'last_name']);
    expect(page.count).toBe(50);
    expect(page.next).toBe(10);
    const filtered = await records(h.client.http, 'db', 'contacts', { filter: "first_name = 'Jane'", fields: 'id,first_name' });
    expect(filtered.records.length).toBeGreaterThan(0);
    expect(filtered.records.every((row) => row.first_name === 'Jane')).toBe(true);
    expect(filtered.count).toBeUndefined();
    expect((await rejection(records(h.client.http, 'db', 'nope'), DfError)).kind).toBe('not-found');
  });

  it('create, read, update and delete records (single and batch)', async () => {
    const h = await harness(era);
    await h.client.login(JANE);
    const created = await createRecords(h.client.http, 'db', 'contacts', [
      { first_name: 'Ada', last_name: 'Lovelace' },
      { first_name: 'Alan', last_name: 'Turing' },
    ]);
    expect(created).toHaveLength(2);
    const [ada, alan] = created.map((row) => row.id as number);
    expect((await byId(h.client.http, ada!))?.last_name).toBe('Lovelace');
    const updated = await updateRecord(h.client.http, 'db', 'contacts', ada!, { age: 36 }, { fields: 'id,age' });
    expect(updated).toEqual({ id: ada, age: 36 });
    const batch = await updateRecords(h.client.http, 'db', 'contacts', [{ id: alan, age: 41 }]);
    expect(batch).toEqual([{ id: alan }]);
    expect((await byId(h.client.http, alan!))?.age).toBe(41);
    expect(await deleteRecord(h.client.http, 'db', 'contacts', ada!)).toEqual({ id: ada });
    expect(await deleteRecordByKey(h.client.http, 'db', 'contacts', { id: alan })).toEqual({ id: alan });
    // The server agrees: both are gone.
    expect(await byId(h.client.http, ada!)).toBeUndefined();
    expect(await byId(h.client.http, alan!)).toBeUndefined();
    const invalid = await rejection(createRecords(h.client.http, 'db', 'contacts', [{ first_name: 'No last name' }]), DfError);
    expect(invalid.kind).toBe('bad-request');
  });
});

describe('api helpers against answers that are not DreamFactory', () => {
  it.each([
    ['JSON of another shape', 'application/json', '{"hello":"world"}'],
    ['an HTML page', 'text/html', '<!doctype html><p>hi</p>'],
  ])('%s → not-dreamfactory', async (_label, type, body) => {
    const site = await plainServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': type });
      res.end(body);
    });
    const client = makeClient(site.url, new MemoryTokenStore());
    for (const call of [
      () => environment(client.http),
      () => services(client.http),
      () => tables(client.http, 'db'),
      () => records(client.http, 'db', 'contacts'),
      () => schema(client.http, 'db', 'contacts'),
    ]) {
      expect((await rejection(call(), DfError)).kind).toBe('not-dreamfactory');
    }
  });
});
