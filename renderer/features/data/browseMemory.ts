/**
 * Where the data browser was on each instance (state.views): the picked service and table, and per table the
 * page, page size, filter and sort. Switching instances remounts the whole workspace; this brings it back.
 */
import type { ViewMemory } from '../../state/viewMemory.ts';
import type { Sort } from './useRecordsPage.ts';

export interface DataSource {
  service: string;
  table: string;
}

export interface TableView {
  limit: number;
  offset: number;
  filter: string;
  sort: Sort | null;
}

const sourceKey = 'data.source';
const viewKey = (service: string, table: string) => `data.view:${service}/${table}`;

export function rememberedSource(memory: ViewMemory, instanceId: string): DataSource | undefined {
  return memory.get<DataSource>(instanceId, sourceKey);
}

export function rememberSource(memory: ViewMemory, instanceId: string, source: DataSource): void {
  memory.set(instanceId, sourceKey, source);
}

export function rememberedView(memory: ViewMemory, instanceId: string, service: string, table: string): TableView | undefined {
  return memory.get<TableView>(instanceId, viewKey(service, table));
}

export function rememberView(memory: ViewMemory, instanceId: string, service: string, table: string, view: TableView): void {
  memory.set(instanceId, viewKey(service, table), view);
}
