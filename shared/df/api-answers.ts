/**
 * DF's answer shapes for the data endpoints, for every era (docs/dreamfactory-protocol.md §5, §6), read into
 * the types api.ts returns. A body that is not shaped like DF's becomes DfError 'not-dreamfactory' here,
 * instead of undefined fields later. Hand-written rather than a schema library, so the renderer can bundle it.
 */
import { readBody } from './body.ts';
import { DfError } from './errors.ts';
import { isRecord } from './wire.ts';

export type DfRecord = Record<string, unknown>;

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

export interface DfService {
  name: string;
  label: string;
  type?: string;
  description?: string;
  /** "Database", "File", … from `service_types` (DF ≥2.9); unknown on older servers. */
  group?: string;
}

export interface DfTable {
  name: string;
  label?: string;
}

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
  /** Declared by DF, or else the fields flagged `is_primary_key`; empty when the table has none. */
  primaryKey: string[];
  nameField?: string;
  fields: DfField[];
}

export interface DfRecordPage {
  records: DfRecord[];
  /** Total matching rows (with includeCount, or when DF caps an oversized page). */
  count?: number;
  /** Offset of the next page, when DF reports one. */
  next?: number;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function notDf(what: string): DfError {
  return new DfError('not-dreamfactory', `The answer to ${what} was not shaped like DreamFactory's. Check the instance URL.`);
}

/** The parsed body as an object, or 'not-dreamfactory'. */
function objectBody(data: unknown, what: string): Record<string, unknown> {
  const body = readBody(data);
  if (!isRecord(body)) throw notDf(what);
  return body;
}

function authServices(list: unknown): DfAuthService[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry): DfAuthService[] => {
    const name = isRecord(entry) ? text(entry.name) : undefined;
    if (name === undefined || !isRecord(entry)) return [];
    const service: DfAuthService = { name, label: text(entry.label) ?? name };
    const path = text(entry.path);
    const type = text(entry.type);
    if (path !== undefined) service.path = path;
    if (type !== undefined) service.type = type;
    return [service];
  });
}

export function readEnvironment(data: unknown, what: string): DfEnvironment {
  const body = objectBody(data, what);
  const auth = body.authentication;
  if (!isRecord(auth)) throw notDf(what);
  const present = (value: unknown) => value !== undefined && value !== null;
  const env: DfEnvironment = {
    allowForeverSessions: auth.allow_forever_sessions === true,
    // login_attribute exists since DF 2.6; before it, sign-in was by email only.
    loginAttribute: auth.login_attribute === 'username' ? 'username' : 'email',
    authMethods: {
      admin: present(auth.admin),
      user: present(auth.user),
      openRegistration: auth.allow_open_registration === true,
      oauth: authServices(auth.oauth),
      ldap: authServices(auth.adldap),
      saml: authServices(auth.saml),
    },
  };
  const platform = isRecord(body.platform) ? body.platform : {};
  const version = text(platform.version) ?? text(platform.version_current);
  if (version !== undefined) env.version = version;
  return env;
}

function serviceFrom(item: unknown, groups: ReadonlyMap<string, string>): DfService[] {
  if (typeof item === 'string') return item === '' ? [] : [{ name: item, label: item }];
  const name = isRecord(item) ? text(item.name) : undefined;
  if (name === undefined || !isRecord(item)) return [];
  const service: DfService = { name, label: text(item.label) ?? name };
  const type = text(item.type);
  const description = text(item.description);
  const group = type === undefined ? undefined : groups.get(type);
  if (type !== undefined) service.type = type;
  if (description !== undefined) service.description = description;
  if (group !== undefined) service.group = group;
  return [service];
}

/** DF ≥2.9: `{services:[…], service_types:[…]}` filtered by role; 2.0–2.8: `{resource:["db", …]}`. */
export function readServices(data: unknown, what: string): DfService[] {
  const body = objectBody(data, what);
  const groups = new Map<string, string>();
  for (const entry of Array.isArray(body.service_types) ? body.service_types : []) {
    const name = isRecord(entry) ? text(entry.name) : undefined;
    const group = isRecord(entry) ? text(entry.group) : undefined;
    if (name !== undefined && group !== undefined) groups.set(name, group);
  }
  const list = Array.isArray(body.services) ? body.services : body.resource;
  if (!Array.isArray(list)) throw notDf(what);
  return list.flatMap((item) => serviceFrom(item, groups));
}

/** `{resource:[…]}`, or a bare list on some older services. */
export function readResourceList(data: unknown, what: string): unknown[] {
  const body = readBody(data);
  if (Array.isArray(body)) return body;
  if (isRecord(body) && Array.isArray(body.resource)) return body.resource;
  throw notDf(what);
}

export function readTables(data: unknown, what: string): DfTable[] {
  return readResourceList(data, what).flatMap((entry): DfTable[] => {
    if (typeof entry === 'string') return [{ name: entry }];
    const name = isRecord(entry) ? text(entry.name) : undefined;
    if (name === undefined || !isRecord(entry)) return [];
    const table: DfTable = { name };
    const label = text(entry.label);
    if (label !== undefined) table.label = label;
    return [table];
  });
}

export function readRecords(data: unknown, what: string): DfRecord[] {
  return readResourceList(data, what).filter(isRecord);
}

export function readRecord(data: unknown, what: string): DfRecord {
  return objectBody(data, what);
}

export function readRecordPage(data: unknown, what: string): DfRecordPage {
  const page: DfRecordPage = { records: readRecords(data, what) };
  const body = readBody(data);
  const meta = isRecord(body) && isRecord(body.meta) ? body.meta : {};
  if (typeof meta.count === 'number') page.count = meta.count;
  if (typeof meta.next === 'number') page.next = meta.next;
  return page;
}

function fieldFrom(column: unknown): DfField[] {
  const name = isRecord(column) ? text(column.name) : undefined;
  if (name === undefined || !isRecord(column)) return [];
  const field: DfField = {
    name,
    label: text(column.label) ?? name,
    type: text(column.type) ?? 'string',
    required: column.required === true,
    allowNull: column.allow_null !== false,
    autoIncrement: column.auto_increment === true,
    isPrimaryKey: column.is_primary_key === true,
    isForeignKey: column.is_foreign_key === true,
  };
  const dbType = text(column.db_type);
  const refTable = text(column.ref_table);
  const refField = text(column.ref_field);
  if (dbType !== undefined) field.dbType = dbType;
  if (refTable !== undefined) field.refTable = refTable;
  if (refField !== undefined) field.refField = refField;
  if (typeof column.length === 'number') field.length = column.length;
  if (column.default !== undefined && column.default !== null) field.default = column.default;
  return [field];
}

/** The primary key: an array in current DF, one column name (or null) in older releases, else the flagged fields. */
function primaryKeyOf(declared: unknown, fields: readonly DfField[]): string[] {
  if (Array.isArray(declared)) return declared.filter((key): key is string => typeof key === 'string');
  if (typeof declared === 'string' && declared !== '') return [declared];
  return fields.filter((field) => field.isPrimaryKey).map((field) => field.name);
}

export function readTableSchema(data: unknown, what: string): DfTableSchema {
  const body = objectBody(data, what);
  const name = text(body.name);
  if (name === undefined || !Array.isArray(body.field)) throw notDf(what);
  const fields = body.field.flatMap(fieldFrom);
  const primaryKey = primaryKeyOf(body.primary_key, fields);
  for (const field of fields) if (primaryKey.includes(field.name)) field.isPrimaryKey = true;
  const schema: DfTableSchema = { name, label: text(body.label) ?? name, primaryKey, fields };
  const nameField = text(body.name_field);
  if (nameField !== undefined) schema.nameField = nameField;
  return schema;
}
