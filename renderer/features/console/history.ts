import type { HttpMethod } from '../../../shared/ipc/contract.ts';
import { isSecretParam, redactForStorage, redactedText } from '../../ui/redact.ts';
import { maskPathSecrets } from './hiddenValues.ts';
import { type ConsoleDraft, consoleMethods, type ParamRow } from './consoleModel.ts';

/** A sent request, as remembered: method, path, params and body only. Never a header, never a response. */
export interface HistoryEntry extends ConsoleDraft {
  at: number;
  status?: number;
}

export const historyLimit = 20;
const keyPrefix = 'dfdesk.console.history.v1.';
/** Survives a failing localStorage (quota, disabled storage): history then lasts until the app quits. */
const memory = new Map<string, HistoryEntry[]>();

export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): HistoryStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function isParamRow(value: unknown): value is ParamRow {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ParamRow).key === 'string' &&
    typeof (value as ParamRow).value === 'string'
  );
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<HistoryEntry>;
  return (
    consoleMethods.includes(entry.method as HttpMethod) &&
    typeof entry.path === 'string' &&
    typeof entry.body === 'string' &&
    typeof entry.at === 'number' &&
    Array.isArray(entry.params) &&
    entry.params.every(isParamRow)
  );
}

/** What may be stored: secrets in the path's query, params and body are masked, so history is safe to keep on disk. */
export function sanitizeEntry(entry: HistoryEntry): HistoryEntry {
  const params = entry.params
    .filter((row) => row.key.trim() !== '' || row.value !== '')
    .map((row) => (isSecretParam(row.key) && row.value ? { key: row.key, value: redactedText } : row));
  let body = '';
  if (entry.body.trim()) {
    try {
      body = JSON.stringify(redactForStorage(JSON.parse(entry.body)), null, 2);
    } catch {
      // Only validated JSON is ever sent; anything else is not worth keeping.
    }
  }
  const clean: HistoryEntry = { method: entry.method, path: maskPathSecrets(entry.path), params, body, at: entry.at };
  if (entry.status !== undefined) clean.status = entry.status;
  return clean;
}

function sameRequest(a: HistoryEntry, b: HistoryEntry): boolean {
  return (
    a.method === b.method && a.path === b.path && a.body === b.body && JSON.stringify(a.params) === JSON.stringify(b.params)
  );
}

/** Newest first, one line per distinct request, at most `historyLimit`. */
export function addToHistory(list: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const clean = sanitizeEntry(entry);
  return [clean, ...list.filter((item) => !sameRequest(item, clean))].slice(0, historyLimit);
}

export function loadHistory(instanceId: string, storage = defaultStorage()): HistoryEntry[] {
  const remembered = memory.get(instanceId);
  if (remembered) return remembered;
  try {
    const raw = storage?.getItem(keyPrefix + instanceId);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    const list = Array.isArray(parsed) ? parsed.filter(isEntry).map(sanitizeEntry).slice(0, historyLimit) : [];
    memory.set(instanceId, list);
    return list;
  } catch {
    return [];
  }
}

export function saveHistory(instanceId: string, list: readonly HistoryEntry[], storage = defaultStorage()): void {
  const clean = list.map(sanitizeEntry).slice(0, historyLimit);
  memory.set(instanceId, clean);
  try {
    if (clean.length === 0) storage?.removeItem(keyPrefix + instanceId);
    else storage?.setItem(keyPrefix + instanceId, JSON.stringify(clean));
  } catch {
    // Storage full or disabled: the in-memory copy still serves this run.
  }
}

/** For tests and for "forget this instance". */
export function forgetHistory(instanceId: string, storage = defaultStorage()): void {
  memory.delete(instanceId);
  try {
    storage?.removeItem(keyPrefix + instanceId);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
