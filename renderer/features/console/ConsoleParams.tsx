import { Button } from '../../ui/Button.tsx';
import type { ParamRow } from './consoleModel.ts';

export interface ConsoleParamsProps {
  params: readonly ParamRow[];
  onParam: (index: number, change: Partial<ParamRow>) => void;
  onRemove: (index: number) => void;
}

/** Query parameters as key/value rows; the last row is always empty, ready for the next one. */
export function ConsoleParams({ params, onParam, onRemove }: ConsoleParamsProps) {
  return (
    <fieldset className="params">
      <legend>Query parameters</legend>
      {params.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position.
        <div className="param-row" key={index}>
          <input
            aria-label={`Param ${index + 1} key`}
            placeholder="filter"
            value={row.key}
            onChange={(event) => onParam(index, { key: event.target.value })}
            spellCheck={false}
          />
          <input
            aria-label={`Param ${index + 1} value`}
            placeholder="(age > 30)"
            value={row.value}
            onChange={(event) => onParam(index, { value: event.target.value })}
            spellCheck={false}
          />
          {(row.key !== '' || row.value !== '') && (
            <Button variant="ghost" aria-label={`Remove param ${index + 1}`} onClick={() => onRemove(index)}>
              ×
            </Button>
          )}
        </div>
      ))}
    </fieldset>
  );
}
