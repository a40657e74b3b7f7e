import { Button } from '../../ui/Button.tsx';
import { redactedText } from '../../ui/redact.ts';
import type { HistoryEntry } from './history.ts';

export interface ConsoleHistoryProps {
  entries: readonly HistoryEntry[];
  onRecall: (entry: HistoryEntry) => void;
  onClear: () => void;
}

export function ConsoleHistory({ entries, onRecall, onClear }: ConsoleHistoryProps) {
  return (
    <section className="history" aria-label="Recent requests">
      <div className="history-head">
        <h2>Recent requests</h2>
        {entries.length > 0 && (
          <Button variant="ghost" onClick={onClear}>
            Clear history
          </Button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="muted">
          Requests you send appear here: method, path, parameters and body. Secrets (API keys, tokens, passwords) are
          saved as “{redactedText}”; type them again when you reuse a request.
        </p>
      ) : (
        <ul className="history-list">
          {entries.map((entry) => (
            <li key={`${entry.at}-${entry.method}-${entry.path}`}>
              <button type="button" className="list-button" onClick={() => onRecall(entry)}>
                <span className={`method method-${entry.method.toLowerCase()}`}>{entry.method}</span> {entry.path}
                {entry.status !== undefined && <span className="muted"> · {entry.status}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
