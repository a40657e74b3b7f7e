import { useId } from 'react';
import type { HttpMethod } from '../../../shared/ipc/contract.ts';
import type { BodyCheck } from './consoleModel.ts';

export interface ConsoleBodyFieldProps {
  method: HttpMethod;
  text: string;
  check: BodyCheck;
  onText: (text: string) => void;
}

function bodyRowsFor(text: string): number {
  return Math.min(8, Math.max(2, text.split('\n').length));
}

/** The JSON body, checked as it is typed. */
export function ConsoleBodyField({ method, text, check, onText }: ConsoleBodyFieldProps) {
  const id = useId();
  // GET and DELETE rarely carry a body: a small box keeps their response above the fold, and grows as one is typed.
  const rows = method === 'GET' || method === 'DELETE' ? bodyRowsFor(text) : 8;
  return (
    <div className="field">
      <label htmlFor={`${id}-body`}>JSON body</label>
      <textarea
        id={`${id}-body`}
        value={text}
        onChange={(event) => onText(event.target.value)}
        rows={rows}
        spellCheck={false}
        placeholder={'{"resource": [{"first_name": "Ada"}]}'}
        aria-invalid={check.ok ? undefined : true}
        aria-describedby={`${id}-body-state`}
      />
      <div id={`${id}-body-state`} className={check.ok ? 'hint' : 'field-error'}>
        {check.ok ? (text.trim() ? 'Valid JSON.' : 'No body. Ctrl/Cmd+Enter sends.') : check.error}
      </div>
    </div>
  );
}
