// Query parameters of GET /{db}/_table/{t}: filter, order, fields, ids, limit/offset, include_count (docs/dreamfactory-protocol.md §6).
import { DfErrorResponse } from './errors-by-era.ts';
import { FilterError, matchesFilter, parseFilter } from './db-filter.ts';
import type { Row, Table } from './db-store.ts';

export function columnNames(table: Table): string[] {
  return table.def.columns.map((column) => column.name);
}

export function filterRows(table: Table, filter: string | null): Row[] {
  if (filter === null || filter.trim() === '') return [...table.rows];
  try {
    const node = parseFilter(filter, columnNames(table));
    return table.rows.filter((row) => matchesFilter(node, row));
  } catch (error) {
    if (error instanceof FilterError) throw new DfErrorResponse(400, `Invalid filter: ${error.message}`);
    throw error;
  }
}

export function sortRows(table: Table, rows: Row[], order: string | null): Row[] {
  if (order === null || order.trim() === '') return rows;
  const known = new Set(columnNames(table));
  const keys = order.split(',').map((part) => {
    const [field = '', direction = 'asc', ...extra] = part.trim().split(/\s+/);
    const dir = direction.toLowerCase();
    if (!known.has(field) || (dir !== 'asc' && dir !== 'desc') || extra.length > 0) {
      throw new DfErrorResponse(400, `Invalid order by clause: '${part.trim()}'.`);
    }
    return { field, sign: dir === 'desc' ? -1 : 1 };
  });
  return [...rows].sort((a, b) => {
    for (const { field, sign } of keys) {
      const x = a[field] ?? null;
      const y = b[field] ?? null;
      if (x === y) continue;
      // SQL sorts NULL first in ascending order.
      if (x === null) return -sign;
      if (y === null) return sign;
      const diff = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      if (diff !== 0) return diff * sign;
    }
    return 0;
  });
}

/** `fields` param: '*' or empty = all columns, else the listed known columns (unknown names ignored). */
export function projectRow(table: Table, row: Row, fields: string | null): Row {
  if (fields === null || fields.trim() === '' || fields.trim() === '*') return { ...row };
  const wanted = new Set(fields.split(',').map((name) => name.trim()));
  const projected: Row = {};
  for (const name of columnNames(table)) {
    if (wanted.has(name)) projected[name] = row[name] ?? null;
  }
  return projected;
}

export function parseIds(ids: string): string[] {
  return ids
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

export function notFoundRecord(id: string | number): DfErrorResponse {
  return new DfErrorResponse(404, `Record with identifier '${id}' not found.`);
}

export function findRow(table: Table, id: string | number): Row {
  const row = table.rows.find((candidate) => String(candidate.id) === String(id));
  if (row === undefined) throw notFoundRecord(id);
  return row;
}

export function parseNonNegativeInt(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const parsed = Number.parseInt(value, 10);
  return Number.isNaN(parsed) || parsed < 0 ? null : parsed;
}

export interface Page {
  rows: Row[];
  meta: Record<string, number> | null;
}

/** Table::runQuery paging: counts only with include_count or a missing/oversized limit; meta.next only if rows remain. */
export function paginate(rows: Row[], params: URLSearchParams, maxRecords: number): Page {
  const offset = parseNonNegativeInt(params.get('offset')) ?? 0;
  const requested = parseNonNegativeInt(params.get('limit'));
  const oversized = requested === null || requested < 1 || requested > maxRecords;
  const limit = oversized ? maxRecords : requested;
  const includeCount = ['true', '1'].includes((params.get('include_count') ?? '').toLowerCase());
  const total = rows.length;
  const page = rows.slice(offset, offset + limit);
  const meta: Record<string, number> = {};
  if (includeCount || total > maxRecords) meta.count = total;
  if ((includeCount || oversized) && offset + limit < total) meta.next = offset + limit;
  return { rows: page, meta: Object.keys(meta).length > 0 ? meta : null };
}
