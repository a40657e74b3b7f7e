import { type FormEvent, useRef, useState } from 'react';
import { Button } from '../../ui/Button.tsx';

export interface RecordsFilterProps {
  service: string;
  table: string;
  /** The filter the records on screen were read with. */
  applied: string;
  onApply: (filter: string) => void;
}

/** DF's own filter syntax, typed freely and applied with Enter or the button. */
export function RecordsFilter({ service, table, applied, onApply }: RecordsFilterProps) {
  // Starts from what is applied: coming back to an instance shows the filter it left with.
  const [draft, setDraft] = useState(applied);
  const input = useRef<HTMLInputElement>(null);
  const id = `filter-${service}-${table}`;

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply(draft.trim());
  }

  function clear() {
    setDraft('');
    onApply('');
    // The button goes once nothing is applied: the focus moves to where the next filter is typed, not to <body>.
    input.current?.focus();
  }

  return (
    <search className="filter-search">
      <form className="filter-form" onSubmit={apply}>
        <label htmlFor={id}>Filter</label>
        {/* The clear button sits inside the box (a search field's ×), so the box keeps its width when a filter
            is applied and nothing else in the toolbar moves. */}
        <span className="filter-box">
          <input
            id={id}
            ref={input}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="(age > 30) and (last_name like 'S%')"
            spellCheck={false}
            aria-describedby={`filter-hint-${service}-${table}`}
          />
          {applied && (
            <button type="button" className="filter-clear" aria-label="Clear filter" title="Clear filter" onClick={clear}>
              ×
            </button>
          )}
        </span>
        <Button type="submit">Apply filter</Button>
        <span id={`filter-hint-${service}-${table}`} className="visually-hidden">
          DreamFactory filter syntax, applied with Enter.
        </span>
      </form>
    </search>
  );
}
