import { useEffect, useState } from 'react';
import { type DfHttp, type DfService, type DfTable, services as readServices, tables as readTables } from '../../../shared/df/api.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';

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

export interface ServiceListState {
  services: Loadable<DfService[]>;
  service: string;
  setService(service: string): void;
  retry(): void;
}

/** The instance's services, read once `wanted` (the tab was opened), with one picked. */
export function useServiceList(api: DfHttp, wanted: boolean): ServiceListState {
  const [services, setServices] = useState<Loadable<DfService[]>>({ phase: 'idle' });
  const [service, setService] = useState('');
  const [reloads, setReloads] = useState(0);
  const load = wanted || services.phase !== 'idle';

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads is the "Try again" trigger.
  useEffect(() => {
    if (!load) return;
    let live = true;
    setServices({ phase: 'loading' });
    readServices(api).then(
      (value) => {
        if (!live) return;
        setServices({ phase: 'done', value });
        setService((current) => current || pickService(value));
      },
      (error: unknown) => live && setServices({ phase: 'failed', error: uiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, load, reloads]);

  return { services, service, setService, retry: () => setReloads((count) => count + 1) };
}

export interface TableListState {
  tables: Loadable<DfTable[]>;
  table: string;
  setTable(table: string): void;
}

/** The tables of `service`; picking another service clears the picked table. */
export function useTableList(api: DfHttp, service: string): TableListState {
  const [tables, setTables] = useState<Loadable<DfTable[]>>({ phase: 'idle' });
  const [table, setTable] = useState('');

  useEffect(() => {
    if (!service) return;
    let live = true;
    setTables({ phase: 'loading' });
    setTable('');
    readTables(api, service).then(
      (value) => live && setTables({ phase: 'done', value }),
      (error: unknown) => live && setTables({ phase: 'failed', error: uiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, service]);

  return { tables, table, setTable };
}
