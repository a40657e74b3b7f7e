import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { Instance } from '../../../shared/ipc/contract.ts';
import { type DeskError, proxyDuration, toDeskError } from '../../desk.ts';
import { useDeskState } from '../../state/context.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useGuardedWrite } from '../instances/useGuardedWrite.ts';
import {
  type ConsoleDraft,
  checkBody,
  checkPath,
  consoleMethods,
  emptyDraft,
  isSendShortcut,
  type ParamRow,
  paramsOf,
  writeMethods,
} from './consoleModel.ts';
import { keepDraft, readDraft } from './drafts.ts';
import { addToHistory, type HistoryEntry, loadHistory, saveHistory } from './history.ts';
import { type ConsoleResponse, headersOf, ResponseView } from './ResponseView.tsx';

export interface ApiConsoleProps {
  instance: Instance;
}

function bodyRowsFor(text: string): number {
  return Math.min(8, Math.max(2, text.split('\n').length));
}

export function ApiConsole({ instance }: ApiConsoleProps) {
  const state = useDeskState();
  const guardedWrite = useGuardedWrite(instance);
  const id = useId();
  const [draft, setDraftState] = useState<ConsoleDraft>(() => readDraft(instance.id) ?? emptyDraft);
  const [history, setHistory] = useState<HistoryEntry[]>(() => loadHistory(instance.id));
  const [pathError, setPathError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [response, setResponse] = useState<ConsoleResponse | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const sendingRef = useRef(false);
  const body = checkBody(draft.body);
  // GET and DELETE rarely carry a body: a small box keeps their response above the fold, and grows as one is typed.
  const bodyRows = draft.method === 'GET' || draft.method === 'DELETE' ? bodyRowsFor(draft.body) : 8;

  useEffect(() => {
    keepDraft(instance.id, draft);
  }, [instance.id, draft]);

  function setDraft(change: Partial<ConsoleDraft>) {
    setDraftState((previous) => ({ ...previous, ...change }));
    if ('path' in change) setPathError(null);
  }

  function setParam(index: number, change: Partial<ParamRow>) {
    const params = draft.params.map((row, at) => (at === index ? { ...row, ...change } : row));
    // Keep one empty row at the end so a new parameter is always one keystroke away.
    const last = params[params.length - 1];
    if (last?.key !== '' || last.value !== '') params.push({ key: '', value: '' });
    setDraft({ params });
  }

  function removeParam(index: number) {
    const params = draft.params.filter((_, at) => at !== index);
    setDraft({ params: params.length > 0 ? params : [{ key: '', value: '' }] });
  }

  async function send() {
    if (sendingRef.current) return;
    const path = checkPath(draft.path, instance.url);
    if (!path.ok) {
      setPathError(path.error);
      return;
    }
    if (!body.ok) return;
    sendingRef.current = true;
    setSending(true);
    setFailure(null);
    const sent: HistoryEntry = { ...draft, at: Date.now() };
    const params = paramsOf(draft.params);
    const isWrite = writeMethods.includes(draft.method);
    try {
      const run = (confirmed: boolean) =>
        state.client.api(instance.id).request({
          method: draft.method,
          url: path.path,
          ...(params ? { params } : {}),
          ...(body.value !== undefined ? { data: body.value } : {}),
          // Any status is an answer worth showing in a console.
          validateStatus: () => true,
          ...(confirmed ? { confirmed: true } : {}),
        });
      // Reads never ask; writes ask on prod (and are retried with confirmation if the main process insists).
      const result = isWrite
        ? await guardedWrite(
            {
              title: `Send ${draft.method} ${path.path}?`,
              message: (
                <p>
                  This sends <code>{`${draft.method} /api/v2${path.path}`}</code> to <strong>{instance.name}</strong>.
                </p>
              ),
              confirmLabel: 'Send to production',
            },
            run,
          )
        : { done: true as const, value: await run(false) };
      if (!result.done) return;
      const answer = result.value;
      setResponse({
        status: answer.status,
        durationMs: proxyDuration(answer),
        headers: headersOf(answer.headers),
        data: answer.data,
      });
      sent.status = answer.status;
    } catch (error) {
      const desk = toDeskError(error);
      setFailure(desk);
      setResponse(null);
      if (desk.status !== undefined) sent.status = desk.status;
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
    setHistory((previous) => {
      const next = addToHistory(previous, sent);
      saveHistory(instance.id, next);
      return next;
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (isSendShortcut(event)) {
      event.preventDefault();
      void send();
    }
  }

  function recall(entry: HistoryEntry) {
    setDraft({
      method: entry.method,
      path: entry.path,
      params: [...entry.params, { key: '', value: '' }],
      body: entry.body,
    });
  }

  function clearHistory() {
    setHistory([]);
    saveHistory(instance.id, []);
  }

  return (
    <div className="console">
      <form className="console-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label="API request">
        <div className="request-line">
          <div className="field">
            <label htmlFor={`${id}-method`}>Method</label>
            <select
              id={`${id}-method`}
              value={draft.method}
              onChange={(event) =>
                setDraft({ method: consoleMethods.find((method) => method === event.target.value) ?? 'GET' })
              }
            >
              {consoleMethods.map((method) => (
                <option key={method} value={method}>
                  {method}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-grow">
            <label htmlFor={`${id}-path`}>Path</label>
            <div className="path-input">
              <span className="muted" aria-hidden="true">
                /api/v2
              </span>
              <input
                id={`${id}-path`}
                value={draft.path}
                onChange={(event) => setDraft({ path: event.target.value })}
                placeholder="/db/_table/contacts"
                spellCheck={false}
                autoComplete="off"
                aria-invalid={pathError ? true : undefined}
                aria-describedby={pathError ? `${id}-path-error` : undefined}
              />
            </div>
            {pathError && (
              <div className="field-error" id={`${id}-path-error`}>
                {pathError}
              </div>
            )}
          </div>
          <Button type="submit" variant="primary" busy={sending} disabled={!body.ok} aria-keyshortcuts="Control+Enter Meta+Enter">
            Send
          </Button>
        </div>
        {instance.tag === 'prod' && writeMethods.includes(draft.method) && (
          <p className="prod-note">Production: DF Desk asks before sending this {draft.method}.</p>
        )}

        <fieldset className="params">
          <legend>Query parameters</legend>
          {draft.params.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position.
            <div className="param-row" key={index}>
              <input
                aria-label={`Param ${index + 1} key`}
                placeholder="filter"
                value={row.key}
                onChange={(event) => setParam(index, { key: event.target.value })}
                spellCheck={false}
              />
              <input
                aria-label={`Param ${index + 1} value`}
                placeholder="(age > 30)"
                value={row.value}
                onChange={(event) => setParam(index, { value: event.target.value })}
                spellCheck={false}
              />
              {(row.key !== '' || row.value !== '') && (
                <Button variant="ghost" aria-label={`Remove param ${index + 1}`} onClick={() => removeParam(index)}>
                  ×
                </Button>
              )}
            </div>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor={`${id}-body`}>JSON body</label>
          <textarea
            id={`${id}-body`}
            value={draft.body}
            onChange={(event) => setDraft({ body: event.target.value })}
            rows={bodyRows}
            spellCheck={false}
            placeholder={'{"resource": [{"first_name": "Ada"}]}'}
            aria-invalid={body.ok ? undefined : true}
            aria-describedby={`${id}-body-state`}
          />
          <div id={`${id}-body-state`} className={body.ok ? 'hint' : 'field-error'}>
            {body.ok ? (draft.body.trim() ? 'Valid JSON.' : 'No body. Ctrl/Cmd+Enter sends.') : body.error}
          </div>
        </div>
      </form>

      <section className="console-result" aria-label="Response" aria-busy={sending}>
        <ErrorAlert error={failure} />
        {response && <ResponseView response={response} />}
      </section>

      <section className="history" aria-label="Recent requests">
        <div className="history-head">
          <h3>Recent requests</h3>
          {history.length > 0 && (
            <Button variant="ghost" onClick={clearHistory}>
              Clear history
            </Button>
          )}
        </div>
        {history.length === 0 ? (
          <p className="muted">Requests you send appear here (method, path, parameters and body; secrets masked).</p>
        ) : (
          <ul className="history-list">
            {history.map((entry) => (
              <li key={`${entry.at}-${entry.method}-${entry.path}`}>
                <button type="button" className="list-button" onClick={() => recall(entry)}>
                  <span className={`method method-${entry.method.toLowerCase()}`}>{entry.method}</span> {entry.path}
                  {entry.status !== undefined && <span className="muted"> · {entry.status}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
