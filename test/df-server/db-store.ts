// In-memory tables of one server instance (tests never see each other's writes).
import { seedContacts, seedOrders } from './db-seed.ts';
import type { TableDef } from './db-schema.ts';
import { TABLES } from './db-schema.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Table {
  def: TableDef;
  rows: Row[];
  nextId: number;
}

export class DbStore {
  private readonly tables = new Map<string, Table>();

  constructor() {
    const seeds: Record<string, Row[]> = { contacts: seedContacts(), orders: seedOrders() };
    for (const def of TABLES) {
      const rows = seeds[def.name] ?? [];
      this.tables.set(def.name, { def, rows, nextId: rows.length + 1 });
    }
  }

  tableNames(): string[] {
    return [...this.tables.keys()];
  }

  /** SQLite table names are case-insensitive. */
  table(name: string): Table | null {
    return this.tables.get(name) ?? this.tables.get(name.toLowerCase()) ?? null;
  }
}
