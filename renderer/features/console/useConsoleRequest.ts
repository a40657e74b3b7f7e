import type { AxiosInstance, AxiosResponse } from 'axios';
import { useRef, useState } from 'react';
import type { Instance } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import { proxyDuration } from '../../ipcAxios.ts';
import { useDeskState } from '../../state/context.ts';
import { uiError } from '../../uiError.ts';
import { useGuardedWrite } from '../instances/useGuardedWrite.ts';
import { answeredBySignIn, useSignedIn } from '../session/useSignedIn.ts';
import { type ConsoleDraft, checkBody, checkPath, paramsOf, writeMethods } from './consoleModel.ts';
import { consoleWriteIntent } from './consoleWriteIntent.tsx';
import { hiddenValuesIn, hiddenValuesMessage } from './hiddenValues.ts';
import type { HistoryEntry } from './history.ts';
import { type ConsoleResponse, headersOf } from './ResponseView.tsx';

export interface ConsoleRequestState {
  sending: boolean;
  response: ConsoleResponse | null;
  failure: DeskError | null;
  /** Checks and sends the draft; a path it cannot send goes to `onPathError` instead. */
  send(draft: ConsoleDraft, onPathError: (error: string) => void): Promise<void>;
}

function requestOnce(api: AxiosInstance, draft: ConsoleDraft, path: string, body: unknown) {
  const params = paramsOf(draft.params);
  return (confirmed: boolean) =>
    api.request({
      method: draft.method,
      url: path,
      ...(params ? { params } : {}),
      ...(body !== undefined ? { data: body } : {}),
      // Any status is an answer worth showing in a console.
      validateStatus: () => true,
      ...(confirmed ? { confirmed: true } : {}),
    });
}

function consoleResponse(answer: AxiosResponse): ConsoleResponse {
  return { status: answer.status, durationMs: proxyDuration(answer), headers: headersOf(answer.headers), data: answer.data };
}

/** Sends the console's requests one at a time; `onSent` gets each one that went out, for the history. */
export function useConsoleRequest(instance: Instance, onSent: (entry: HistoryEntry) => void): ConsoleRequestState {
  const state = useDeskState();
  const guardedWrite = useGuardedWrite(instance);
  const [sending, setSending] = useState(false);
  const [response, setResponse] = useState<ConsoleResponse | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const sendingRef = useRef(false);
  // "Your session ended" no longer holds once the user signed in again; the request is still in the form.
  useSignedIn(instance.id, () => {
    if (answeredBySignIn(failure)) setFailure(null);
  });

  async function send(draft: ConsoleDraft, onPathError: (error: string) => void) {
    if (sendingRef.current) return;
    const path = checkPath(draft.path, instance.url);
    if (!path.ok) return onPathError(path.error);
    const body = checkBody(draft.body);
    if (!body.ok) return;
    const hidden = hiddenValuesIn(draft);
    if (hidden.length > 0) {
      // A recalled request: the placeholder of a value kept out of the history must never go out as the value.
      setResponse(null);
      setFailure(new DeskError('invalid-input', hiddenValuesMessage(hidden)));
      return;
    }
    sendingRef.current = true;
    setSending(true);
    setFailure(null);
    const sent: HistoryEntry = { ...draft, at: Date.now() };
    const run = requestOnce(state.client.api(instance.id), draft, path.path, body.value);
    try {
      // Reads never ask; writes ask on prod (and are retried with confirmation if the main process insists).
      const result = writeMethods.includes(draft.method)
        ? await guardedWrite(consoleWriteIntent(draft.method, path.path, instance.name), run)
        : { done: true as const, value: await run(false) };
      if (!result.done) return;
      setResponse(consoleResponse(result.value));
      sent.status = result.value.status;
    } catch (error) {
      const desk = uiError(error);
      setFailure(desk);
      setResponse(null);
      if (desk.status !== undefined) sent.status = desk.status;
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
    onSent(sent);
  }

  return { sending, response, failure, send };
}
