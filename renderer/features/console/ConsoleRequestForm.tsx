import { type FormEvent, type KeyboardEvent, useId } from 'react';
import type { InstanceTag } from '../../../shared/ipc/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ConsoleBodyField } from './ConsoleBodyField.tsx';
import { ConsoleParams } from './ConsoleParams.tsx';
import { checkBody, consoleMethods, isSendShortcut, writeMethods } from './consoleModel.ts';
import type { ConsoleDraftState } from './useConsoleDraft.ts';

export interface ConsoleRequestFormProps {
  composer: ConsoleDraftState;
  tag: InstanceTag;
  sending: boolean;
  onSend: () => void;
}

/** Method, path, query parameters and body; sent with the button or Ctrl/Cmd+Enter from anywhere in the form. */
export function ConsoleRequestForm({ composer, tag, sending, onSend }: ConsoleRequestFormProps) {
  const { draft, setDraft, pathError } = composer;
  const id = useId();
  const body = checkBody(draft.body);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSend();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (isSendShortcut(event)) {
      event.preventDefault();
      onSend();
    }
  }

  return (
    <form className="console-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label="API request">
      <div className="request-line">
        <div className="field">
          <label htmlFor={`${id}-method`}>Method</label>
          <select
            id={`${id}-method`}
            value={draft.method}
            onChange={(event) => setDraft({ method: consoleMethods.find((method) => method === event.target.value) ?? 'GET' })}
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
      {tag === 'prod' && writeMethods.includes(draft.method) && (
        <p className="prod-note">Production: DF Desk asks before sending this {draft.method}.</p>
      )}
      <ConsoleParams params={draft.params} onParam={composer.setParam} onRemove={composer.removeParam} />
      <ConsoleBodyField method={draft.method} text={draft.body} check={body} onText={(text) => setDraft({ body: text })} />
    </form>
  );
}
