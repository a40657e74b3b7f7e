import { afterEach, describe, expect, it } from 'vitest';
import { addToHistory, forgetHistory, type HistoryEntry, type HistoryStorage, historyLimit, loadHistory, sanitizeEntry, saveHistory } from '../../../../renderer/features/console/history.ts';
import { hiddenValuesIn } from '../../../../renderer/features/console/hiddenValues.ts';

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

describe('console history: secrets in the path (item 10)', () => {
  it('item 10: masks secret query parameters of the stored path, by any secret-ish name, and keeps the rest', () => {
    const clean = sanitizeEntry(
      entry('/db/_table/x?api_key=k1&SESSION_TOKEN=t1&Passcode=p1&limit=5&api%5Fkey=k2&filter=a%3Db&empty=&flag'),
    );
    expect(clean.path).toBe(
      '/db/_table/x?api_key=[hidden by DF Desk]&SESSION_TOKEN=[hidden by DF Desk]&Passcode=[hidden by DF Desk]&limit=5&api%5Fkey=[hidden by DF Desk]&filter=a%3Db&empty=&flag',
    );
    // A JWT under an ordinary name, or in the path itself, is hidden too; masking twice changes nothing.
    const jwtText = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln';
    const twice = sanitizeEntry(sanitizeEntry(entry(`/user/${jwtText}?note=${jwtText}&api_key=k`)));
    expect(twice.path).toBe('/user/[hidden by DF Desk]?note=[hidden by DF Desk]&api_key=[hidden by DF Desk]');
    expect(sanitizeEntry(entry('/db/_table/x?limit=5')).path).toBe('/db/_table/x?limit=5');
  });

  it('item 10: what is loaded back from storage is masked as well (entries saved by an older version)', () => {
    const storage = memoryStorage();
    storage.data.set(
      'dfdesk.console.history.v1.i1',
      JSON.stringify([{ method: 'GET', path: '/db/_table/x?api_key=old-secret', params: [], body: '', at: 1 }]),
    );
    forgetHistory('i1', memoryStorage());
    expect(loadHistory('i1', storage)[0]?.path).toBe('/db/_table/x?api_key=[hidden by DF Desk]');
  });

  it('item 10: names where a recalled draft still holds a placeholder', () => {
    expect(
      hiddenValuesIn({
        method: 'POST',
        path: '/x?api_key=[hidden by DF Desk]&limit=1',
        params: [
          { key: 'token', value: '[hidden by DF Desk]' },
          { key: 'limit', value: '2' },
        ],
        body: '{"email":"a@b.c","password":"[hidden by DF Desk]"}',
      }),
    ).toEqual(['api_key (in the path)', 'token (parameter)', 'password (in the body)']);
    expect(hiddenValuesIn({ method: 'GET', path: '/x?limit=1', params: [], body: '' })).toEqual([]);
  });
});
