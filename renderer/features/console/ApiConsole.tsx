import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { GuestAccessNote } from '../session/GuestAccessNote.tsx';
import { ConsoleHistory } from './ConsoleHistory.tsx';
import { ConsoleRequestForm } from './ConsoleRequestForm.tsx';
import { ResponseView } from './ResponseView.tsx';
import { useConsoleDraft } from './useConsoleDraft.ts';
import { useConsoleHistory } from './useConsoleHistory.ts';
import { useConsoleRequest } from './useConsoleRequest.ts';

export interface ApiConsoleProps {
  instance: Instance;
  /** Signed out: requests carry the API key only (guest access), which the console says. */
  status?: SessionStatus | undefined;
  onSignIn?: () => void;
}

/** Any DF call on this instance, sent through the main process with the session's token. */
export function ApiConsole({ instance, status, onSignIn }: ApiConsoleProps) {
  const composer = useConsoleDraft(instance.id);
  const history = useConsoleHistory(instance.id);
  const request = useConsoleRequest(instance, history.add);

  return (
    <div className="console">
      {status?.state === 'signed-out' && <GuestAccessNote context="console" {...(onSignIn ? { onSignIn } : {})} />}
      <ConsoleRequestForm
        composer={composer}
        tag={instance.tag}
        sending={request.sending}
        onSend={() => void request.send(composer.draft, composer.setPathError)}
      />
      <section className="console-result" aria-label="Response" aria-busy={request.sending}>
        <ErrorAlert error={request.failure} />
        {request.response && <ResponseView response={request.response} />}
      </section>
      <ConsoleHistory entries={history.entries} onRecall={composer.recall} onClear={history.clear} />
    </div>
  );
}
