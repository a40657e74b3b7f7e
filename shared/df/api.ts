// Typed DF calls on a DfClient, normalised across eras. Every answer is parsed with zod at this boundary so a
// non-DF answer becomes DfError 'not-dreamfactory' instead of undefined fields later (df-protocol.md §5, §6).
import { z } from 'zod';
import type { DfClient } from './client.ts';
import { readBody } from './body.ts';
import { DfError } from './errors.ts';
import { ENVIRONMENT_PATH } from './protocol.ts';

export type DfRecord = Record<string, unknown>;
export type DfId = string | number;

function parse<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(readBody(data));
  if (!parsed.success) {
    throw new DfError('not-dreamfactory', `The answer to ${what} was not shaped like DreamFactory's. Check the instance URL.`);
  }
  return parsed.data;
}

function segment(value: DfId): string {
  return encodeURIComponent(String(value));
}

function tablePath(service: string, table: string): string {
  return `/${segment(service)}/_table/${segment(table)}`;
}

const text = z.string().nullable().optional();

// ── environment ──────────────────────────────────────────────────────────────────────────────────────

export interface DfAuthService {
  name: string;
  label: string;
  path?: string;
  type?: string;
}

export interface DfEnvironment {
  allowForeverSessions: boolean;
  loginAttribute: 'email' | 'username';
  /** DF ≥2.10 tells it only to authenticated callers or API keys with a role; 2.0–2.9 to everyone. */
  version?: string;
  authMethods: {
    /** Admin sign-in at system/admin/session. */
    admin: boolean;
    /** User sign-in at user/session (needs the user service). */
    user: boolean;
    openRegistration: boolean;
    oauth: DfAuthService[];
    ldap: DfAuthService[];
    saml: DfAuthService[];
  };
}

const authServiceSchema = z.looseObject({
  name: z.string(),
  label: text,
  path: text,
  type: text,
});
const authServiceList = z.array(authServiceSchema).catch([]);

const environmentSchema = z.looseObject({
  authentication: z.looseObject({
    admin: z.unknown().optional(),
    user: z.unknown().optional(),
    oauth: authServiceList.optional(),
    adldap: authServiceList.optional(),
    saml: authServiceList.optional(),
    allow_open_registration: z.boolean().nullable().optional(),
    allow_forever_sessions: z.boolean().nullable().optional(),
    login_attribute: z.string().nullable().optional(),
  }),
  platform: z
    .looseObject({
      version: z.string().optional(),
      version_current: z.string().optional(),
    })
    .optional(),
});

function authServices(list: z.infer<typeof authServiceList> | undefined): DfAuthService[] {
  return (list ?? []).map((entry) => {
    const service: DfAuthService = { name: entry.name, label: entry.label ?? entry.name };
    if (typeof entry.path === 'string') service.path = entry.path;
    if (typeof entry.type === 'string') service.type = entry.type;
    return service;
  });
}

export async function environment(client: DfClient): Promise<DfEnvironment> {
  const response = await client.http.get(ENVIRONMENT_PATH);
  const env = parse(environmentSchema, response.data, 'GET system/environment');
  const auth = env.authentication;
  const result: DfEnvironment = {
    allowForeverSessions: auth.allow_forever_sessions === true,
    // login_attribute exists since DF 2.6; before it, sign-in was by email only.
    loginAttribute: auth.login_attribute === 'username' ? 'username' : 'email',
    authMethods: {
      admin: auth.admin !== undefined && auth.admin !== null,
      user: auth.user !== undefined && auth.user !== null,
      openRegistration: auth.allow_open_registration === true,
      oauth: authServices(auth.oauth),
      ldap: authServices(auth.adldap),
      saml: authServices(auth.saml),
    },
  };
  const version = env.platform?.version ?? env.platform?.version_current;
  if (version !== undefined && version !== '') result.version = version;
  return result;
}

// ── services ─────────────────────────────────────────────────────────────────────────────────────────

export interface DfService {
  name: string;
  label: string;
  type?: string;
  description?: string;
}

const serviceObjectSchema = z.looseObject({
  name: z.string(),
  label: text,
  type: text,
  description: text,
});

const servicesSchema = z.union([
  // DF ≥2.9: objects, filtered by the caller's role.
  z.looseObject({ services: z.array(serviceObjectSchema) }).transform((body) => body.services),
  // DF 2.0–2.8: every service name.
  z.looseObject({ resource: z.array(z.union([z.string(), serviceObjectSchema])) }).transform((body) => body.resource),
]);

export async function services(client: DfClient): Promise<DfService[]> {
  const response = await client.http.get('');
  const entries = parse(servicesSchema, response.data, 'GET /api/v2');
  return entries.map((entry) => {
    if (typeof entry === 'string') return { name: entry, label: entry };
    const service: DfService = { name: entry.name, label: entry.label ?? entry.name };
    if (typeof entry.type === 'string') service.type = entry.type;
    if (typeof entry.description === 'string') service.description = entry.description;
    return service;
  });
}

// ── tables and records ───────────────────────────────────────────────────────────────────────────────

export interface DfTable {
  name: string;
  label?: string;
}

const tablesSchema = z.union([
  z.looseObject({ resource: z.array(z.union([z.string(), z.looseObject({ name: z.string(), label: text })])) }),
  z.array(z.string()),
]);

export async function tables(client: DfClient, service: string): Promise<DfTable[]> {
  const response = await client.http.get(`/${segment(service)}/_table`);
  const body = parse(tablesSchema, response.data, `GET ${service}/_table`);
  const entries = Array.isArray(body) ? body : body.resource;
  return entries.map((entry) => {
    if (typeof entry === 'string') return { name: entry };
    const table: DfTable = { name: entry.name };
    if (typeof entry.label === 'string') table.label = entry.label;
    return table;
  });
}

export interface DfRecordQuery {
  limit?: number;
  offset?: number;
  /** DF's SQL-like filter, e.g. `(age > 30) and (last_name like 'D%')`. */
  filter?: string;
  /** e.g. `last_name asc, id desc`. */
  order?: string;
  fields?: string | readonly string[];
  includeCount?: boolean;
}

export interface DfRecordPage {
  records: DfRecord[];
  /** Total matching rows (with includeCount, or when DF caps an oversized page). */
  count?: number;
  /** Offset of the next page, when DF reports one. */
  next?: number;
}

const recordSchema = z.record(z.string(), z.unknown());
const recordPageSchema = z.looseObject({
  resource: z.array(recordSchema),
  meta: z
    .looseObject({
      count: z.number().optional(),
      next: z.number().optional(),
    })
    .optional(),
});
const resourceSchema = z.looseObject({ resource: z.array(recordSchema) });

function fieldsParam(fields: string | readonly string[] | undefined): string | undefined {
  if (fields === undefined) return undefined;
  return typeof fields === 'string' ? fields : fields.join(',');
}

export async function records(
  client: DfClient,
  service: string,
  table: string,
  query: DfRecordQuery = {},
): Promise<DfRecordPage> {
  const params: Record<string, string | number | boolean> = {};
  if (query.limit !== undefined) params.limit = query.limit;
  if (query.offset !== undefined) params.offset = query.offset;
  if (query.filter !== undefined && query.filter !== '') params.filter = query.filter;
  if (query.order !== undefined && query.order !== '') params.order = query.order;
  const fields = fieldsParam(query.fields);
  if (fields !== undefined) params.fields = fields;
  if (query.includeCount === true) params.include_count = true;
  const response = await client.http.get(tablePath(service, table), { params });
  const body = parse(recordPageSchema, response.data, `GET ${service}/_table/${table}`);
  const page: DfRecordPage = { records: body.resource };
  if (body.meta?.count !== undefined) page.count = body.meta.count;
  if (body.meta?.next !== undefined) page.next = body.meta.next;
  return page;
}

export async function getRecord(
  client: DfClient,
  service: string,
  table: string,
  id: DfId,
  options: { fields?: string | readonly string[] } = {},
): Promise<DfRecord> {
  const fields = fieldsParam(options.fields);
  const response = await client.http.get(`${tablePath(service, table)}/${segment(id)}`, {
    params: fields === undefined ? undefined : { fields },
  });
  return parse(recordSchema, response.data, `GET ${service}/_table/${table}/${id}`);
}

/** Creates records in one batch; DF answers with the ids (or `fields` when given). */
export async function createRecords(
  client: DfClient,
  service: string,
  table: string,
  rows: readonly DfRecord[],
  options: { fields?: string | readonly string[] } = {},
): Promise<DfRecord[]> {
  const fields = fieldsParam(options.fields);
  const response = await client.http.post(tablePath(service, table), { resource: rows }, {
    params: fields === undefined ? undefined : { fields },
  });
  return parse(resourceSchema, response.data, `POST ${service}/_table/${table}`).resource;
}

/** PATCH one record (only the given fields change). */
export async function updateRecord(
  client: DfClient,
  service: string,
  table: string,
  id: DfId,
  changes: DfRecord,
  options: { fields?: string | readonly string[] } = {},
): Promise<DfRecord> {
  const fields = fieldsParam(options.fields);
  const response = await client.http.patch(`${tablePath(service, table)}/${segment(id)}`, changes, {
    params: fields === undefined ? undefined : { fields },
  });
  return parse(recordSchema, response.data, `PATCH ${service}/_table/${table}/${id}`);
}

/** PATCH several records in one batch; each must carry its id. */
export async function updateRecords(
  client: DfClient,
  service: string,
  table: string,
  rows: readonly DfRecord[],
): Promise<DfRecord[]> {
  const response = await client.http.patch(tablePath(service, table), { resource: rows });
  return parse(resourceSchema, response.data, `PATCH ${service}/_table/${table}`).resource;
}

export async function deleteRecord(client: DfClient, service: string, table: string, id: DfId): Promise<DfRecord> {
  const response = await client.http.delete(`${tablePath(service, table)}/${segment(id)}`);
  return parse(recordSchema, response.data, `DELETE ${service}/_table/${table}/${id}`);
}

export async function deleteRecords(
  client: DfClient,
  service: string,
  table: string,
  ids: readonly DfId[],
): Promise<DfRecord[]> {
  if (ids.length === 0) return [];
  const response = await client.http.delete(tablePath(service, table), { params: { ids: ids.join(',') } });
  return parse(resourceSchema, response.data, `DELETE ${service}/_table/${table}`).resource;
}

// ── schema ───────────────────────────────────────────────────────────────────────────────────────────

export interface DfField {
  name: string;
  label: string;
  type: string;
  dbType?: string;
  required: boolean;
  allowNull: boolean;
  autoIncrement: boolean;
  isPrimaryKey: boolean;
  isForeignKey: boolean;
  refTable?: string;
  refField?: string;
  length?: number;
  default?: unknown;
}

export interface DfTableSchema {
  name: string;
  label: string;
  primaryKey: string[];
  nameField?: string;
  fields: DfField[];
}

const fieldSchema = z.looseObject({
  name: z.string(),
  label: text,
  type: z.string(),
  db_type: text,
  length: z.number().nullable().optional(),
  default: z.unknown().optional(),
  required: z.boolean().nullable().optional(),
  allow_null: z.boolean().nullable().optional(),
  auto_increment: z.boolean().nullable().optional(),
  is_primary_key: z.boolean().nullable().optional(),
  is_foreign_key: z.boolean().nullable().optional(),
  ref_table: text,
  ref_field: text,
});

const tableSchemaSchema = z.looseObject({
  name: z.string(),
  label: text,
  // An array in current DF, a single column name (or null) in older releases.
  primary_key: z.union([z.array(z.string()), z.string(), z.null()]).optional(),
  name_field: text,
  field: z.array(fieldSchema),
});

export async function schema(client: DfClient, service: string, table: string): Promise<DfTableSchema> {
  const response = await client.http.get(`/${segment(service)}/_schema/${segment(table)}`);
  const body = parse(tableSchemaSchema, response.data, `GET ${service}/_schema/${table}`);
  const fields = body.field.map((column) => {
    const field: DfField = {
      name: column.name,
      label: column.label ?? column.name,
      type: column.type,
      required: column.required === true,
      allowNull: column.allow_null !== false,
      autoIncrement: column.auto_increment === true,
      isPrimaryKey: column.is_primary_key === true,
      isForeignKey: column.is_foreign_key === true,
    };
    if (typeof column.db_type === 'string') field.dbType = column.db_type;
    if (typeof column.ref_table === 'string') field.refTable = column.ref_table;
    if (typeof column.ref_field === 'string') field.refField = column.ref_field;
    if (typeof column.length === 'number') field.length = column.length;
    if (column.default !== undefined && column.default !== null) field.default = column.default;
    return field;
  });
  const declared = body.primary_key;
  const primaryKey =
    Array.isArray(declared) ? declared : typeof declared === 'string' ? [declared] : fields.filter((f) => f.isPrimaryKey).map((f) => f.name);
  const result: DfTableSchema = { name: body.name, label: body.label ?? body.name, primaryKey, fields };
  if (typeof body.name_field === 'string') result.nameField = body.name_field;
  return result;
}
