import { useEffect, useState } from 'react';
import { type ConsoleDraft, emptyDraft, type ParamRow } from './consoleModel.ts';
import { keepDraft, readDraft } from './drafts.ts';
import type { HistoryEntry } from './history.ts';

const emptyRow: ParamRow = { key: '', value: '' };

export interface ConsoleDraftState {
  draft: ConsoleDraft;
  /** Why the path cannot be sent; cleared as soon as the path changes. */
  pathError: string | null;
  setPathError(error: string | null): void;
  setDraft(change: Partial<ConsoleDraft>): void;
  setParam(index: number, change: Partial<ParamRow>): void;
  removeParam(index: number): void;
  /** Puts a remembered request back into the form. */
  recall(entry: HistoryEntry): void;
}

/** The request being composed for one instance; kept across instance switches (drafts.ts). */
export function useConsoleDraft(instanceId: string): ConsoleDraftState {
  const [draft, setDraftState] = useState<ConsoleDraft>(() => readDraft(instanceId) ?? emptyDraft);
  const [pathError, setPathError] = useState<string | null>(null);

  useEffect(() => {
    keepDraft(instanceId, draft);
  }, [instanceId, draft]);

  function setDraft(change: Partial<ConsoleDraft>) {
    setDraftState((previous) => ({ ...previous, ...change }));
    if ('path' in change) setPathError(null);
  }

  function setParam(index: number, change: Partial<ParamRow>) {
    const params = draft.params.map((row, at) => (at === index ? { ...row, ...change } : row));
    // Keep one empty row at the end so a new parameter is always one keystroke away.
    const last = params[params.length - 1];
    if (last?.key !== '' || last.value !== '') params.push({ ...emptyRow });
    setDraft({ params });
  }

  function removeParam(index: number) {
    const params = draft.params.filter((_, at) => at !== index);
    setDraft({ params: params.length > 0 ? params : [{ ...emptyRow }] });
  }

  function recall(entry: HistoryEntry) {
    setDraft({ method: entry.method, path: entry.path, params: [...entry.params, { ...emptyRow }], body: entry.body });
  }

  return { draft, pathError, setPathError, setDraft, setParam, removeParam, recall };
}
