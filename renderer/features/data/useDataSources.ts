import { useEffect, useState } from 'react';
import { type DfHttp, type DfService, type DfTable, tables as readTables } from '../../../shared/df/api.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';
import { listServices, whyNoServices } from './serviceProblems.ts';

export type Loadable<T> =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'done'; value: T }
  | { phase: 'failed'; error: DeskError };

/** The first database service (DF's own is `db`), else the first service. */
function pickService(services: readonly DfService[]): string {
  const databases = services.filter((item) => item.group === 'Database');
  const candidates = databases.length > 0 ? databases : services;
  return (candidates.find((service) => service.name === 'db') ?? candidates[0])?.name ?? '';
}

/** Loading again over a shown list keeps it on screen until the new one arrives (no flash on a quiet reload). */
function loadingOver<T>(previous: Loadable<T>): Loadable<T> {
  return previous.phase === 'done' ? previous : { phase: 'loading' };
}

export interface ServiceList {
  services: DfService[];
  /** Why DF listed none, when it says (a wrong or missing API key, not signed in); null otherwise. */
  emptyReason: DeskError | null;
}

async function loadServices(api: DfHttp): Promise<ServiceList> {
  const services = await listServices(api);
  return { services, emptyReason: services.length === 0 ? await whyNoServices(api) : null };
}

export interface ServiceListState {
  services: Loadable<DfService[]>;
  /** See ServiceList.emptyReason. */
  emptyReason: DeskError | null;
  service: string;
  setService(service: string): void;
  /** Reads the list again (the Reload button). */
  retry(): void;
}

/**
 * The instance's services, read once `wanted` (the tab was opened), with one picked. A new `generation` (the
 * instance or the signed-in user changed) reads them again, keeping the picked service if it is still listed.
 */
export function useServiceList(api: DfHttp, wanted: boolean, generation = 0, initialService = ''): ServiceListState {
  const [services, setServices] = useState<Loadable<DfService[]>>({ phase: 'idle' });
  const [emptyReason, setEmptyReason] = useState<DeskError | null>(null);
  // The service picked before (browseMemory.ts): kept if the list still has it.
  const [service, setService] = useState(initialService);
  const [reloads, setReloads] = useState(0);
  const load = wanted || services.phase !== 'idle';

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads and generation are the reload triggers.
  useEffect(() => {
    if (!load) return;
    let live = true;
    setServices(loadingOver);
    loadServices(api).then(
      (list) => {
        if (!live) return;
        setServices({ phase: 'done', value: list.services });
        setEmptyReason(list.emptyReason);
        const names = new Set(list.services.map((item) => item.name));
        setService((current) => (current && names.has(current) ? current : pickService(list.services)));
      },
      (error: unknown) => {
        if (!live) return;
        setServices({ phase: 'failed', error: uiError(error) });
        setEmptyReason(null);
      },
    );
    return () => {
      live = false;
    };
  }, [api, load, reloads, generation]);

  return { services, emptyReason, service, setService, retry: () => setReloads((count) => count + 1) };
}

export interface TableListState {
  tables: Loadable<DfTable[]>;
  table: string;
  setTable(table: string): void;
}

/**
 * The tables of `service`; picking another service clears the picked table, a new `generation` keeps it, and
 * so does the list (if it still has it) for `initialTable`, the table picked before.
 */
export function useTableList(api: DfHttp, service: string, generation = 0, initialTable = ''): TableListState {
  const [tables, setTables] = useState<Loadable<DfTable[]>>({ phase: 'idle' });
  const [table, setTable] = useState(service ? initialTable : '');
  const [listed, setListed] = useState(service);

  if (listed !== service) {
    // Another service: its tables, none picked. (Set while rendering, so no frame shows the old service's list.)
    setListed(service);
    setTables({ phase: 'idle' });
    setTable('');
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is a reload trigger.
  useEffect(() => {
    if (!service) return;
    let live = true;
    setTables(loadingOver);
    readTables(api, service).then(
      (value) => {
        if (!live) return;
        setTables({ phase: 'done', value });
        setTable((current) => (value.some((item) => item.name === current) ? current : ''));
      },
      (error: unknown) => live && setTables({ phase: 'failed', error: uiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, service, generation]);

  return { tables, table, setTable };
}
