import { useState } from 'react';
import { addToHistory, type HistoryEntry, loadHistory, saveHistory } from './history.ts';

export interface ConsoleHistoryState {
  /** Newest first. */
  entries: HistoryEntry[];
  add(entry: HistoryEntry): void;
  clear(): void;
}

/** One instance's recent requests, saved (secrets masked) as they change. */
export function useConsoleHistory(instanceId: string): ConsoleHistoryState {
  const [entries, setEntries] = useState<HistoryEntry[]>(() => loadHistory(instanceId));
  return {
    entries,
    add(entry) {
      setEntries((previous) => {
        const next = addToHistory(previous, entry);
        saveHistory(instanceId, next);
        return next;
      });
    },
    clear() {
      setEntries([]);
      saveHistory(instanceId, []);
    },
  };
}
