import type { Instance } from '../../../shared/ipc/contract.ts';
import { useDeskState } from '../../state/context.ts';
import { RecordsView } from './RecordsView.tsx';
import { ServicePicker } from './ServicePicker.tsx';
import { TablePicker } from './TablePicker.tsx';
import { useServiceList, useTableList } from './useDataSources.ts';

export interface DataBrowserProps {
  instance: Instance;
  /** The tab is showing. Nothing is fetched before the user first opens it. */
  active: boolean;
}

/** Services → tables → records. */
export function DataBrowser({ instance, active }: DataBrowserProps) {
  const state = useDeskState();
  const api = state.client.api(instance.id);
  const services = useServiceList(api, active);
  const { service } = services;
  const tables = useTableList(api, service);
  const { table } = tables;

  return (
    <div className="data-browser">
      <aside className="data-nav" aria-label="Services and tables">
        <ServicePicker list={services} />
        {service && <TablePicker instanceId={instance.id} list={tables} />}
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
