/**
 * DF's data endpoints as typed calls: the only code that knows their paths, parameters and answer shapes
 * (read in api-answers.ts), for every era. Each call takes any axios instance on `<instance>/api/v2`: a
 * DfClient's `http` in the main process, or the renderer's IPC-backed instance. Errors are the instance's own
 * (DfError, or whatever its adapter throws); an answer of the wrong shape is DfError 'not-dreamfactory'.
 */
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import type {
  DfEnvironment,
  DfRecord,
  DfRecordPage,
  DfService,
  DfTable,
  DfTableSchema,
} from './api-answers.ts';
import {
  readEnvironment,
  readRecord,
  readRecordPage,
  readRecords,
  readServices,
  readTableSchema,
  readTables,
} from './api-answers.ts';
import { ENVIRONMENT_PATH } from './protocol.ts';

export type {
  DfAuthService,
  DfEnvironment,
  DfField,
  DfRecord,
  DfRecordPage,
  DfService,
  DfTable,
  DfTableSchema,
} from './api-answers.ts';

/** The part of an axios instance these calls use. */
export type DfHttp = Pick<AxiosInstance, 'get' | 'post' | 'patch' | 'delete'>;
export type DfId = string | number;
type Fields = string | readonly string[];

export interface DfCallOptions {
  /** DF's `fields`: which columns the answer carries. */
  fields?: Fields;
  /** Extra axios config for this call (the renderer's prod-write confirmation, a timeout, …). */
  request?: AxiosRequestConfig;
}

export interface DfRecordQuery {
  limit?: number;
  offset?: number;
  /** DF's SQL-like filter, e.g. `(age > 30) and (last_name like 'D%')`. */
  filter?: string;
  /** e.g. `last_name asc, id desc`. */
  order?: string;
  fields?: Fields;
  includeCount?: boolean;
}

function segment(value: DfId): string {
  return encodeURIComponent(String(value));
}

function tablePath(service: string, table: string, id?: DfId): string {
  const base = `/${segment(service)}/_table/${segment(table)}`;
  return id === undefined ? base : `${base}/${segment(id)}`;
}

function fieldsParam(fields: Fields | undefined): string | undefined {
  if (fields === undefined) return undefined;
  return typeof fields === 'string' ? fields : fields.join(',');
}

/** axios config for a call: DF's `fields` (when given) merged into the caller's own request config. */
function configFor(options: DfCallOptions = {}, params: Record<string, unknown> = {}): AxiosRequestConfig {
  const fields = fieldsParam(options.fields);
  const merged: Record<string, unknown> = { ...params, ...(fields === undefined ? {} : { fields }) };
  const config: AxiosRequestConfig = { ...options.request };
  if (Object.keys(merged).length > 0) config.params = { ...(options.request?.params ?? {}), ...merged };
  return config;
}

export async function environment(http: DfHttp, options: DfCallOptions = {}): Promise<DfEnvironment> {
  const response = await http.get(ENVIRONMENT_PATH, configFor(options));
  return readEnvironment(response.data, 'GET system/environment');
}

export async function services(http: DfHttp, options: DfCallOptions = {}): Promise<DfService[]> {
  return readServices((await http.get('', configFor(options))).data, 'GET /api/v2');
}

export async function tables(http: DfHttp, service: string, options: DfCallOptions = {}): Promise<DfTable[]> {
  const response = await http.get(`/${segment(service)}/_table`, configFor(options));
  return readTables(response.data, `GET ${service}/_table`);
}

export async function schema(
  http: DfHttp,
  service: string,
  table: string,
  options: DfCallOptions = {},
): Promise<DfTableSchema> {
  const response = await http.get(`/${segment(service)}/_schema/${segment(table)}`, configFor(options));
  return readTableSchema(response.data, `GET ${service}/_schema/${table}`);
}

export async function records(
  http: DfHttp,
  service: string,
  table: string,
  query: DfRecordQuery = {},
  options: DfCallOptions = {},
): Promise<DfRecordPage> {
  const params: Record<string, string | number | boolean> = {};
  if (query.limit !== undefined) params.limit = query.limit;
  if (query.offset !== undefined) params.offset = query.offset;
  const filter = query.filter?.trim();
  if (filter !== undefined && filter !== '') params.filter = filter;
  if (query.order !== undefined && query.order !== '') params.order = query.order;
  if (query.includeCount === true) params.include_count = true;
  const config = configFor({ ...options, fields: query.fields ?? options.fields }, params);
  const response = await http.get(tablePath(service, table), config);
  return readRecordPage(response.data, `GET ${service}/_table/${table}`);
}

type Verb = 'post' | 'patch' | 'delete';

/** One write: the body goes where DF reads it (a DELETE's in the config), the answer through `read`. */
async function write<T>(
  http: DfHttp,
  verb: Verb,
  path: string,
  body: unknown,
  options: DfCallOptions,
  read: (data: unknown, what: string) => T,
): Promise<T> {
  const config = configFor(options);
  const response =
    verb === 'delete'
      ? await http.delete(path, body === undefined ? config : { ...config, data: body })
      : await http[verb](path, body, config);
  return read(response.data, `${verb.toUpperCase()} ${path}`);
}

/** Creates records in one batch; DF answers with the ids (or `fields` when given). */
export function createRecords(
  http: DfHttp, service: string, table: string, rows: readonly DfRecord[], options: DfCallOptions = {},
): Promise<DfRecord[]> {
  return write(http, 'post', tablePath(service, table), { resource: rows }, options, readRecords);
}

/** PATCH one record by id (only the given fields change). */
export function updateRecord(
  http: DfHttp, service: string, table: string, id: DfId, changes: DfRecord, options: DfCallOptions = {},
): Promise<DfRecord> {
  return write(http, 'patch', tablePath(service, table, id), changes, options, readRecord);
}

/** PATCH several records in one batch; each must carry its primary key. */
export function updateRecords(
  http: DfHttp, service: string, table: string, rows: readonly DfRecord[], options: DfCallOptions = {},
): Promise<DfRecord[]> {
  return write(http, 'patch', tablePath(service, table), { resource: rows }, options, readRecords);
}

export function deleteRecord(
  http: DfHttp, service: string, table: string, id: DfId, options: DfCallOptions = {},
): Promise<DfRecord> {
  return write(http, 'delete', tablePath(service, table, id), undefined, options, readRecord);
}

// ── by primary key: one column goes in the path, a composite key in the body ─────────────────────────

/** The primary-key values of one record, by column. */
export type DfRecordKey = Record<string, unknown>;

/**
 * The key rows are written by: the schema's primary key, or else a column named `id` (DF's default key name),
 * so a table whose schema could not be read stays editable. Empty: the rows are read-only.
 */
export function writableKey(schema: DfTableSchema | null, columns: readonly { name: string }[]): string[] {
  if (schema !== null && schema.primaryKey.length > 0) return schema.primaryKey;
  return columns.some((column) => column.name === 'id') ? ['id'] : [];
}

/** The key of `record`, or undefined when the table has no usable primary key (its rows are then read-only). */
export function recordKey(record: DfRecord, primaryKey: readonly string[]): DfRecordKey | undefined {
  if (primaryKey.length === 0) return undefined;
  const key: DfRecordKey = {};
  for (const column of primaryKey) {
    const value = record[column];
    if (value === undefined || value === null) return undefined;
    key[column] = value;
  }
  return key;
}

/** For messages: "42" or "7, 2024-01-01". */
export function describeRecordKey(key: DfRecordKey): string {
  return Object.values(key).map(String).join(', ');
}

function singleId(key: DfRecordKey): DfId | undefined {
  const values = Object.values(key);
  const only = values[0];
  return values.length === 1 && (typeof only === 'string' || typeof only === 'number') ? only : undefined;
}

export async function updateRecordByKey(
  http: DfHttp,
  service: string,
  table: string,
  key: DfRecordKey,
  changes: DfRecord,
  options: DfCallOptions = {},
): Promise<unknown> {
  const id = singleId(key);
  if (id !== undefined) return updateRecord(http, service, table, id, changes, options);
  return updateRecords(http, service, table, [{ ...changes, ...key }], options);
}

export async function deleteRecordByKey(
  http: DfHttp,
  service: string,
  table: string,
  key: DfRecordKey,
  options: DfCallOptions = {},
): Promise<unknown> {
  const id = singleId(key);
  if (id !== undefined) return deleteRecord(http, service, table, id, options);
  return write(http, 'delete', tablePath(service, table), { resource: [key] }, options, readRecords);
}
