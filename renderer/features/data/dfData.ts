/**
 * DreamFactory's data endpoints as typed calls over an instance's axios (paths relative to /api/v2). Reads the
 * answer shapes of every DF era: `{services:[…]}` on DF ≥2.9, `{resource:["db",…]}` on 2.0–2.8.
 */
import type { AxiosInstance } from 'axios';

export interface DfService {
  name: string;
  label: string;
  type?: string;
  /** "Database", "File", … from `service_types` (DF ≥2.9); unknown on older servers. */
  group?: string;
}

export interface DfColumn {
  name: string;
  label: string;
  type: string;
  allowNull: boolean;
  autoIncrement: boolean;
  isPrimaryKey: boolean;
  required: boolean;
}

export interface DfTableSchema {
  columns: DfColumn[];
  primaryKey: string[];
}

export type DfRecord = Record<string, unknown>;

export interface RecordQuery {
  limit: number;
  offset: number;
  filter?: string;
  /** `name asc` or `name desc`. */
  order?: string;
}

export interface RecordPage {
  records: DfRecord[];
  /** From `meta.count` (include_count); undefined when the server did not count. */
  total: number | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function resourceList(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (isObject(data) && Array.isArray(data.resource)) return data.resource;
  return [];
}

export function parseServices(data: unknown): DfService[] {
  if (isObject(data) && Array.isArray(data.services)) {
    const groups = new Map<string, string>();
    if (Array.isArray(data.service_types)) {
      for (const item of data.service_types) {
        const name = isObject(item) ? text(item.name) : undefined;
        const group = isObject(item) ? text(item.group) : undefined;
        if (name && group) groups.set(name, group);
      }
    }
    return data.services.flatMap((item): DfService[] => {
      if (!isObject(item)) return [];
      const name = text(item.name);
      if (!name) return [];
      const type = text(item.type);
      const service: DfService = { name, label: text(item.label) ?? name };
      if (type) service.type = type;
      const group = type ? groups.get(type) : undefined;
      if (group) service.group = group;
      return [service];
    });
  }
  return resourceList(data).flatMap((item): DfService[] => {
    if (typeof item === 'string' && item) return [{ name: item, label: item }];
    if (isObject(item) && text(item.name)) {
      const name = text(item.name) ?? '';
      const service: DfService = { name, label: text(item.label) ?? name };
      const type = text(item.type);
      if (type) service.type = type;
      return [service];
    }
    return [];
  });
}

export function parseTables(data: unknown): string[] {
  return resourceList(data).flatMap((item) => {
    if (typeof item === 'string') return [item];
    const name = isObject(item) ? text(item.name) : undefined;
    return name ? [name] : [];
  });
}

export function parseSchema(data: unknown): DfTableSchema {
  const fields = isObject(data) && Array.isArray(data.field) ? data.field : [];
  const columns = fields.flatMap((item): DfColumn[] => {
    if (!isObject(item)) return [];
    const name = text(item.name);
    if (!name) return [];
    return [
      {
        name,
        label: text(item.label) ?? name,
        type: text(item.type) ?? 'string',
        allowNull: item.allow_null !== false,
        autoIncrement: item.auto_increment === true,
        isPrimaryKey: item.is_primary_key === true,
        required: item.required === true,
      },
    ];
  });
  const declared = isObject(data) ? data.primary_key : undefined;
  const primaryKey = Array.isArray(declared)
    ? declared.filter((key): key is string => typeof key === 'string')
    : typeof declared === 'string' && declared
      ? [declared]
      : columns.filter((column) => column.isPrimaryKey).map((column) => column.name);
  for (const column of columns) if (primaryKey.includes(column.name)) column.isPrimaryKey = true;
  return { columns, primaryKey };
}

export function parseRecordPage(data: unknown): RecordPage {
  const records = resourceList(data).filter(isObject);
  const meta = isObject(data) && isObject(data.meta) ? data.meta : undefined;
  const count = meta?.count;
  return { records, total: typeof count === 'number' ? count : undefined };
}

const encode = encodeURIComponent;

export function tablePath(service: string, table: string, id?: string): string {
  const base = `/${encode(service)}/_table/${encode(table)}`;
  return id === undefined ? base : `${base}/${encode(id)}`;
}

export async function listServices(api: AxiosInstance): Promise<DfService[]> {
  return parseServices((await api.get('/')).data);
}

export async function listTables(api: AxiosInstance, service: string): Promise<string[]> {
  return parseTables((await api.get(`/${encode(service)}/_table`)).data);
}

export async function getSchema(api: AxiosInstance, service: string, table: string): Promise<DfTableSchema> {
  return parseSchema((await api.get(`/${encode(service)}/_schema/${encode(table)}`)).data);
}

export async function listRecords(
  api: AxiosInstance,
  service: string,
  table: string,
  query: RecordQuery,
): Promise<RecordPage> {
  const params: Record<string, string | number | boolean> = {
    limit: query.limit,
    offset: query.offset,
    include_count: true,
  };
  if (query.filter?.trim()) params.filter = query.filter.trim();
  if (query.order) params.order = query.order;
  return parseRecordPage((await api.get(tablePath(service, table), { params })).data);
}

export async function createRecord(
  api: AxiosInstance,
  service: string,
  table: string,
  record: DfRecord,
  confirmed: boolean,
): Promise<unknown> {
  return (await api.post(tablePath(service, table), { resource: [record] }, { confirmed })).data;
}

/** The primary-key values of one record: by id in the path when the key is one column, else in the body. */
export type RecordKey = Record<string, unknown>;

function singleId(key: RecordKey): string | undefined {
  const values = Object.values(key);
  const only = values[0];
  return values.length === 1 && (typeof only === 'string' || typeof only === 'number') ? String(only) : undefined;
}

export async function updateRecord(
  api: AxiosInstance,
  service: string,
  table: string,
  key: RecordKey,
  changes: DfRecord,
  confirmed: boolean,
): Promise<unknown> {
  const id = singleId(key);
  if (id !== undefined) return (await api.patch(tablePath(service, table, id), changes, { confirmed })).data;
  return (await api.patch(tablePath(service, table), { resource: [{ ...changes, ...key }] }, { confirmed })).data;
}

export async function deleteRecord(
  api: AxiosInstance,
  service: string,
  table: string,
  key: RecordKey,
  confirmed: boolean,
): Promise<unknown> {
  const id = singleId(key);
  if (id !== undefined) return (await api.delete(tablePath(service, table, id), { confirmed })).data;
  return (await api.delete(tablePath(service, table), { data: { resource: [key] }, confirmed })).data;
}

/** The key of a record, or undefined when the table has no usable primary key (then rows are read-only). */
export function keyOf(record: DfRecord, primaryKey: readonly string[]): RecordKey | undefined {
  if (primaryKey.length === 0) return undefined;
  const key: RecordKey = {};
  for (const column of primaryKey) {
    const value = record[column];
    if (value === undefined || value === null) return undefined;
    key[column] = value;
  }
  return key;
}

export function describeKey(key: RecordKey): string {
  return Object.values(key).map(String).join(', ');
}
