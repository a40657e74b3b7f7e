import { useEffect, useState } from 'react';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { useDeskState } from '../../state/context.ts';
import { GuestAccessNote } from '../session/GuestAccessNote.tsx';
import { rememberedSource, rememberSource } from './browseMemory.ts';
import { RecordsView } from './RecordsView.tsx';
import { ServicePicker } from './ServicePicker.tsx';
import { ServicesProblem } from './ServicesProblem.tsx';
import { TablePicker } from './TablePicker.tsx';
import { useServiceList, useTableList } from './useDataSources.ts';
import { useReloadSignal } from './useReloadSignal.ts';

export interface DataBrowserProps {
  instance: Instance;
  /** The tab is showing. Nothing is fetched before the user first opens it. */
  active: boolean;
  /** The instance's session: signed out means guest access (the app's default role). */
  status?: SessionStatus | undefined;
  /** Opens the sign-in (the guest note's button). */
  onSignIn?: () => void;
}

/** Services → tables → records. */
export function DataBrowser({ instance, active, status, onSignIn }: DataBrowserProps) {
  const state = useDeskState();
  const api = state.client.api(instance.id);
  const generation = useReloadSignal(instance, status);
  // Back on this instance: the service and table it showed (its page, filter and sort are RecordsView's).
  const [before] = useState(() => rememberedSource(state.views, instance.id));
  const services = useServiceList(api, active, generation, before?.service);
  const { service } = services;
  const tables = useTableList(api, service, generation, before?.table);
  const { table } = tables;
  useEffect(() => rememberSource(state.views, instance.id, { service, table }), [state, instance.id, service, table]);
  const listed = services.services.phase === 'done' && services.services.value.length > 0;
  // Signed out, yet DF listed services: the API key alone opened them (guest access).
  const guest = status?.state === 'signed-out' && listed;
  const problem = services.services.phase === 'failed' || (services.services.phase === 'done' && !listed);

  return (
    <>
      {guest && <GuestAccessNote context="data" {...(onSignIn ? { onSignIn } : {})} />}
      <div className="data-browser">
        <aside className="data-nav" aria-label="Services and tables">
          <ServicePicker list={services} />
          {service && <TablePicker instanceId={instance.id} list={tables} />}
        </aside>
        <div className="data-main">
          {problem ? (
            <ServicesProblem list={services} status={status} />
          ) : table ? (
            <RecordsView
              key={`${service}/${table}`}
              instance={instance}
              service={service}
              table={table}
              generation={generation}
            />
          ) : (
            <p className="empty">{service ? 'Pick a table.' : listed ? 'Pick a service.' : ''}</p>
          )}
        </div>
      </div>
    </>
  );
}
