import { afterEach, describe, expect, it } from 'vitest';
import {
  addToHistory,
  forgetHistory,
  type HistoryEntry,
  type HistoryStorage,
  historyLimit,
  loadHistory,
  sanitizeEntry,
  saveHistory,
} from '../../../../renderer/features/console/history.ts';

function memoryStorage(): HistoryStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function entry(path: string, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return { method: 'GET', path, params: [], body: '', at: 1, ...overrides };
}

afterEach(() => forgetHistory('i1', memoryStorage()));

describe('console history', () => {
  it('keeps the newest 20 distinct requests, newest first', () => {
    let list: HistoryEntry[] = [];
    for (let index = 0; index < 25; index++) list = addToHistory(list, entry(`/t/${index}`, { at: index }));
    list = addToHistory(list, entry('/t/10', { at: 99 }));
    expect(list).toHaveLength(historyLimit);
    expect(list[0]?.path).toBe('/t/10');
    expect(list.filter((item) => item.path === '/t/10')).toHaveLength(1);
    expect(list.at(-1)?.path).toBe('/t/5');
  });

  it('masks secrets in params and body before anything is stored', () => {
    const clean = sanitizeEntry(
      entry('/user/session', {
        method: 'POST',
        params: [
          { key: 'api_key', value: 'abc123' },
          { key: 'session_token', value: 'eyJx.eyJy.z' },
          { key: 'limit', value: '5' },
          { key: '', value: '' },
        ],
        body: '{"email":"jane@example.com","password":"hunter2","nested":{"apiKey":"k"},"note":"eyJhbGciOi.eyJzdWIiOi.sig"}',
        status: 200,
      }),
    );
    expect(clean.params).toEqual([
      { key: 'api_key', value: '[hidden by DF Desk]' },
      { key: 'session_token', value: '[hidden by DF Desk]' },
      { key: 'limit', value: '5' },
    ]);
    expect(JSON.parse(clean.body)).toEqual({
      email: 'jane@example.com',
      password: '[hidden by DF Desk]',
      nested: { apiKey: '[hidden by DF Desk]' },
      note: '[hidden by DF Desk]',
    });
    expect(clean.status).toBe(200);
  });

  it('round-trips through storage and ignores corrupt or foreign data', () => {
    const storage = memoryStorage();
    saveHistory('i1', [entry('/a'), entry('/b', { method: 'DELETE' })], storage);
    forgetHistory('i1', { ...memoryStorage() });
    expect(loadHistory('i1', storage).map((item) => item.path)).toEqual(['/a', '/b']);

    forgetHistory('i1', memoryStorage());
    storage.data.set('dfdesk.console.history.v1.i1', '[{"method":"TRACE","path":"/x","params":[],"body":"","at":1},7]');
    expect(loadHistory('i1', storage)).toEqual([]);
    forgetHistory('i1', memoryStorage());
    storage.data.set('dfdesk.console.history.v1.i1', '{not json');
    expect(loadHistory('i1', storage)).toEqual([]);
  });

  it('removes the stored key when the history is cleared, and survives a failing storage', () => {
    const storage = memoryStorage();
    saveHistory('i1', [entry('/a')], storage);
    saveHistory('i1', [], storage);
    expect(storage.data.size).toBe(0);
    const broken: HistoryStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    saveHistory('i1', [entry('/kept')], broken);
    expect(loadHistory('i1', broken).map((item) => item.path)).toEqual(['/kept']);
  });
});
