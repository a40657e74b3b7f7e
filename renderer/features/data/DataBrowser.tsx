import { useEffect, useState } from 'react';
import type { Instance } from '../../../shared/ipc/contract.ts';
import { type DeskError, toDeskError } from '../../desk.ts';
import { useDeskState } from '../../state/context.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CheckboxField, SelectField } from '../../ui/Field.tsx';
import { type DfService, listServices, listTables } from './dfData.ts';
import { RecordsView } from './RecordsView.tsx';

export interface DataBrowserProps {
  instance: Instance;
  /** The tab is showing. Nothing is fetched before the user first opens it. */
  active: boolean;
}

type Loadable<T> = { phase: 'idle' } | { phase: 'loading' } | { phase: 'done'; value: T } | { phase: 'failed'; error: DeskError };

function pickService(services: readonly DfService[]): string {
  return (services.find((service) => service.name === 'db') ?? services[0])?.name ?? '';
}

/** Services → tables → records. */
export function DataBrowser({ instance, active }: DataBrowserProps) {
  const state = useDeskState();
  const api = state.client.api(instance.id);
  const [services, setServices] = useState<Loadable<DfService[]>>({ phase: 'idle' });
  const [databasesOnly, setDatabasesOnly] = useState(true);
  const [service, setService] = useState('');
  const [tables, setTables] = useState<Loadable<string[]>>({ phase: 'idle' });
  const [tableSearch, setTableSearch] = useState('');
  const [table, setTable] = useState('');
  const [servicesReload, setServicesReload] = useState(0);

  const wanted = active || services.phase !== 'idle';
  // biome-ignore lint/correctness/useExhaustiveDependencies: servicesReload is the "Try again" trigger.
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    setServices({ phase: 'loading' });
    listServices(api).then(
      (value) => {
        if (!live) return;
        setServices({ phase: 'done', value });
        const databases = value.filter((item) => item.group === 'Database');
        setService((current) => current || pickService(databases.length > 0 ? databases : value));
      },
      (error: unknown) => live && setServices({ phase: 'failed', error: toDeskError(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, wanted, servicesReload]);

  useEffect(() => {
    if (!service) return;
    let live = true;
    setTables({ phase: 'loading' });
    setTable('');
    listTables(api, service).then(
      (value) => live && setTables({ phase: 'done', value }),
      (error: unknown) => live && setTables({ phase: 'failed', error: toDeskError(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, service]);

  const allServices = services.phase === 'done' ? services.value : [];
  const grouped = allServices.some((item) => item.group !== undefined);
  const databaseServices = allServices.filter((item) => item.group === 'Database');
  const shown = grouped && databasesOnly && databaseServices.length > 0 ? databaseServices : allServices;
  const options = shown.map((item) => ({
    value: item.name,
    label: item.label !== item.name ? `${item.label} (${item.name})` : item.name,
  }));
  if (service && !shown.some((item) => item.name === service)) options.unshift({ value: service, label: service });
  const tableNames = tables.phase === 'done' ? tables.value : [];
  const needle = tableSearch.trim().toLowerCase();
  const visibleTables = needle ? tableNames.filter((name) => name.toLowerCase().includes(needle)) : tableNames;

  return (
    <div className="data-browser">
      <aside className="data-nav" aria-label="Services and tables">
        {services.phase === 'loading' && (
          <p className="muted" aria-busy="true">
            Loading services…
          </p>
        )}
        {services.phase === 'failed' && (
          <>
            <ErrorAlert error={services.error} title="Could not list the services." />
            <Button onClick={() => setServicesReload((count) => count + 1)}>Try again</Button>
          </>
        )}
        {services.phase === 'done' && (
          <>
            <SelectField
              label="Service"
              value={service}
              options={options.length > 0 ? options : [{ value: '', label: 'No services' }]}
              onValue={setService}
            />
            {grouped && (
              <CheckboxField label="Databases only" checked={databasesOnly} onChecked={setDatabasesOnly} />
            )}
          </>
        )}
        {service && (
          <div className="field">
            <label htmlFor={`table-search-${instance.id}`}>Find table</label>
            <input
              id={`table-search-${instance.id}`}
              type="search"
              value={tableSearch}
              onChange={(event) => setTableSearch(event.target.value)}
              spellCheck={false}
            />
          </div>
        )}
        {tables.phase === 'loading' && (
          <p className="muted" aria-busy="true">
            Loading tables…
          </p>
        )}
        <ErrorAlert error={tables.phase === 'failed' ? tables.error : null} title="Could not list the tables." />
        {tables.phase === 'done' && (
          <ul className="table-list" aria-label="Tables">
            {visibleTables.map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className="list-button"
                  aria-pressed={name === table}
                  onClick={() => setTable(name)}
                >
                  {name}
                </button>
              </li>
            ))}
            {visibleTables.length === 0 && <li className="muted">No tables{needle ? ' match' : ''}.</li>}
          </ul>
        )}
      </aside>
      <div className="data-main">
        {table ? (
          <RecordsView key={`${service}/${table}`} instance={instance} service={service} table={table} />
        ) : (
          <p className="empty">{service ? 'Pick a table.' : 'Pick a service.'}</p>
        )}
      </div>
    </div>
  );
}
