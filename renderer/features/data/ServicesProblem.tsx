import type { SessionStatus } from '../../../shared/ipc/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import type { ServiceListState } from './useDataSources.ts';

/** No role can see a service it does not reach: what to do when DF lists none and gives no reason. */
function noServicesNote(status: SessionStatus | undefined): string {
  if (status?.state === 'signed-out') {
    return "Without signing in, DreamFactory uses the app's default role, and it reaches no service. Sign in on the Session tab, or ask a DF admin to give the app's default role access to a service.";
  }
  return 'Your DreamFactory role reaches no service. Ask a DF admin to give it access (Roles → Access), or sign in as an admin.';
}

/**
 * The services could not be listed, or DF listed none: DF's reason with the next step, and a Reload for when
 * it is fixed. (The instance's own changes reload by themselves: useReloadSignal.)
 */
export function ServicesProblem({ list, status }: { list: ServiceListState; status: SessionStatus | undefined }) {
  const { services, emptyReason } = list;
  const reload = (
    <Button onClick={list.retry} busy={services.phase === 'loading'}>
      Reload
    </Button>
  );
  if (services.phase === 'failed') {
    return (
      <div className="services-problem">
        <ErrorAlert error={services.error} title="Could not list the services." />
        {reload}
      </div>
    );
  }
  if (services.phase !== 'done' || services.value.length > 0) return null;
  return (
    <div className="services-problem">
      {emptyReason ? (
        <>
          <p>The service list came back empty. The reason:</p>
          <ErrorAlert error={emptyReason} />
        </>
      ) : (
        <div className="alert alert-warn" role="status">
          <strong>DreamFactory lists no services for this instance.</strong>
          <p className="next-step">{noServicesNote(status)}</p>
        </div>
      )}
      {reload}
    </div>
  );
}
