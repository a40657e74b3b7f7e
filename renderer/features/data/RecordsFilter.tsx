import { type FormEvent, useState } from 'react';
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
  const [draft, setDraft] = useState('');
  const id = `filter-${service}-${table}`;

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply(draft.trim());
  }

  function clear() {
    setDraft('');
    onApply('');
  }

  return (
    <search className="filter-search">
      <form className="filter-form" onSubmit={apply}>
        <label htmlFor={id}>Filter</label>
        <input
          id={id}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="(age > 30) and (last_name like 'S%')"
          spellCheck={false}
          aria-describedby={`filter-hint-${service}-${table}`}
        />
        <Button type="submit">Apply filter</Button>
        {applied && <Button onClick={clear}>Clear filter</Button>}
        <span id={`filter-hint-${service}-${table}`} className="visually-hidden">
          DreamFactory filter syntax, applied with Enter.
        </span>
      </form>
    </search>
  );
}
