// The `db` service: _table CRUD and _schema over the in-memory store (docs/dreamfactory-protocol.md §6).
import { formatDfDate } from './clock.ts';
import { filterRows, findRow, paginate, parseIds, projectRow, sortRows } from './db-query.ts';
import { tableSchema } from './db-schema.ts';
import type { Cell, Row, Table } from './db-store.ts';
import { DfErrorResponse } from './errors-by-era.ts';
import { isRecord, ok } from './http-util.ts';
import type { DfRequest, DfResponse } from './http-util.ts';
import type { RouteInfo } from './route-info.ts';
import type { ServerState } from './state.ts';

const NO_RECORDS = 'No record(s) detected in request.';
const NO_DELETE_CRITERIA = 'No filter or records given for delete request.';

function tableOrThrow(state: ServerState, name: string): Table {
  const table = state.db.table(name);
  if (table === null) throw new DfErrorResponse(404, `Table "${name}" does not exist in the database.`);
  return table;
}

function tableList(state: ServerState, req: DfRequest): DfResponse {
  const names = state.db.tableNames();
  if (req.query.get('as_list') === 'true') return ok({ resource: names });
  return ok({ resource: names.map((name) => ({ name })) });
}

/** ResourcesWrapper::unwrapResources: `{resource:[…]}` or a bare array. */
function unwrapRecords(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (isRecord(body) && Array.isArray(body.resource)) return body.resource;
  return null;
}

function toCell(value: unknown): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function writableValues(table: Table, record: Record<string, unknown>): Row {
  const values: Row = {};
  for (const column of table.def.columns) {
    if (column.type !== 'id' && column.name in record) values[column.name] = toCell(record[column.name]);
  }
  return values;
}

function checkRequired(table: Table, row: Row): void {
  for (const column of table.def.columns) {
    if (column.required && (row[column.name] ?? null) === null) {
      throw new DfErrorResponse(400, `Field '${column.name}' can not be NULL.`);
    }
  }
}

function responseRecord(table: Table, row: Row, req: DfRequest): Row {
  // Writes answer with the id only unless `fields` asks for more.
  const fields = req.query.get('fields');
  return fields === null ? { id: row.id ?? null } : projectRow(table, row, fields);
}

function createRecords(state: ServerState, table: Table, req: DfRequest): DfResponse {
  const records = unwrapRecords(req.body);
  if (records === null || records.length === 0 || !records.every(isRecord)) throw new DfErrorResponse(400, NO_RECORDS);
  const rows = records.map((record) => {
    const row: Row = { id: null };
    for (const column of table.def.columns) if (column.type !== 'id') row[column.name] = null;
    Object.assign(row, writableValues(table, record));
    if ('created_date' in row && row.created_date === null) row.created_date = formatDfDate(state.clock.now());
    checkRequired(table, row);
    return row;
  });
  for (const row of rows) {
    row.id = table.nextId;
    table.nextId += 1;
    table.rows.push(row);
  }
  return ok({ resource: rows.map((row) => responseRecord(table, row, req)) });
}

/** Rows addressed by `?ids=` or `?filter=`; null when neither is given. */
function rowsByCriteria(table: Table, req: DfRequest): Row[] | null {
  const ids = req.query.get('ids');
  if (ids !== null && ids.trim() !== '') return parseIds(ids).map((id) => findRow(table, id));
  const filter = req.query.get('filter');
  if (filter !== null && filter.trim() !== '') return filterRows(table, filter);
  return null;
}

function applyUpdate(table: Table, row: Row, record: Record<string, unknown>): void {
  const updated = { ...row, ...writableValues(table, record) };
  checkRequired(table, updated);
  Object.assign(row, updated);
}

/** PATCH and PUT behave alike for SQL services (df-sqldb merges the given fields). */
function updateRecords(table: Table, req: DfRequest): DfResponse {
  const records = unwrapRecords(req.body);
  if (records !== null) {
    if (records.length === 0 || !records.every(isRecord)) throw new DfErrorResponse(400, NO_RECORDS);
    const targets = records.map((record) => {
      if (record.id === undefined || record.id === null) throw new DfErrorResponse(400, 'No identifier provided for record.');
      return { row: findRow(table, String(record.id)), record };
    });
    for (const { row, record } of targets) applyUpdate(table, row, record);
    return ok({ resource: targets.map(({ row }) => responseRecord(table, row, req)) });
  }
  const rows = rowsByCriteria(table, req);
  if (rows === null || !isRecord(req.body)) throw new DfErrorResponse(400, NO_RECORDS);
  const record = req.body;
  for (const row of rows) applyUpdate(table, row, record);
  return ok({ resource: rows.map((row) => responseRecord(table, row, req)) });
}

function deleteRows(table: Table, rows: Row[]): void {
  const doomed = new Set(rows);
  table.rows = table.rows.filter((row) => !doomed.has(row));
}

function deleteRecords(table: Table, req: DfRequest): DfResponse {
  let rows = rowsByCriteria(table, req);
  if (rows === null) {
    const records = unwrapRecords(req.body);
    if (records === null || records.length === 0) throw new DfErrorResponse(400, NO_DELETE_CRITERIA);
    rows = records.map((record) => {
      const id = isRecord(record) ? record.id : record;
      if (typeof id !== 'string' && typeof id !== 'number') throw new DfErrorResponse(400, NO_DELETE_CRITERIA);
      return findRow(table, id);
    });
  }
  const response = rows.map((row) => responseRecord(table, row, req));
  deleteRows(table, rows);
  return ok({ resource: response });
}

function listRecords(state: ServerState, table: Table, req: DfRequest): DfResponse {
  const params = req.query;
  const fields = params.get('fields');
  const ids = params.get('ids');
  if (ids !== null && ids.trim() !== '') {
    const rows = parseIds(ids).map((id) => findRow(table, id));
    return ok({ resource: rows.map((row) => projectRow(table, row, fields)) });
  }
  const matching = sortRows(table, filterRows(table, params.get('filter')), params.get('order'));
  if (['true', '1'].includes((params.get('count_only') ?? '').toLowerCase())) return ok(matching.length);
  const page = paginate(matching, params, state.era.maxRecordsReturned);
  const body: Record<string, unknown> = { resource: page.rows.map((row) => projectRow(table, row, fields)) };
  if (page.meta !== null) body.meta = page.meta;
  return ok(body);
}

function singleRecord(table: Table, id: string, req: DfRequest): DfResponse {
  const row = findRow(table, id);
  switch (req.method) {
    case 'GET':
      return ok(projectRow(table, row, req.query.get('fields')));
    case 'PATCH':
    case 'PUT': {
      if (!isRecord(req.body)) throw new DfErrorResponse(400, NO_RECORDS);
      applyUpdate(table, row, req.body);
      return ok(responseRecord(table, row, req));
    }
    case 'DELETE': {
      const response = responseRecord(table, row, req);
      deleteRows(table, [row]);
      return ok(response);
    }
    default:
      throw methodNotAllowed(req);
  }
}

function methodNotAllowed(req: DfRequest): DfErrorResponse {
  return new DfErrorResponse(405, `Method '${req.method}' is not allowed on this resource.`);
}

function tableResource(state: ServerState, req: DfRequest, tableName: string, id: string | undefined): DfResponse {
  const table = tableOrThrow(state, tableName);
  if (id !== undefined) return singleRecord(table, id, req);
  switch (req.method) {
    case 'GET':
      return listRecords(state, table, req);
    case 'POST':
      return createRecords(state, table, req);
    case 'PATCH':
    case 'PUT':
      return updateRecords(table, req);
    case 'DELETE':
      return deleteRecords(table, req);
    default:
      throw methodNotAllowed(req);
  }
}

export function handleDb(state: ServerState, req: DfRequest, route: RouteInfo): DfResponse {
  const [resource, tableName, id, ...extra] = route.segments;
  if (extra.length > 0) throw state.errors.resourceNotFound(route.segments.join('/'), 'db');
  if (resource === undefined) {
    if (req.method !== 'GET') throw methodNotAllowed(req);
    return ok({ resource: [{ name: '_schema' }, { name: '_table' }] });
  }
  switch (resource.toLowerCase()) {
    case '_table':
      if (tableName === undefined) {
        if (req.method !== 'GET') throw methodNotAllowed(req);
        return tableList(state, req);
      }
      return tableResource(state, req, tableName, id);
    case '_schema':
      if (req.method !== 'GET') throw methodNotAllowed(req);
      if (tableName === undefined) return tableList(state, req);
      if (id !== undefined) {
        const table = tableOrThrow(state, tableName);
        const column = table.def.columns.find((candidate) => candidate.name === id);
        if (column === undefined) throw new DfErrorResponse(404, `Field '${id}' not found in table '${tableName}'.`);
        const schema = tableSchema(table.def).field as Record<string, unknown>[];
        return ok(schema.find((field) => field.name === id));
      }
      return ok(tableSchema(tableOrThrow(state, tableName).def));
    default:
      throw state.errors.resourceNotFound(resource, 'db');
  }
}

