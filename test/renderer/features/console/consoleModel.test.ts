import { describe, expect, it } from 'vitest';
import { checkBody, checkPath, isSendShortcut, paramsOf } from '../../../../renderer/features/console/consoleModel.ts';

describe('checkBody', () => {
  it('treats blank as no body and parses JSON', () => {
    expect(checkBody('  ')).toEqual({ ok: true, value: undefined });
    expect(checkBody('{"a": [1, null]}')).toEqual({ ok: true, value: { a: [1, null] } });
    expect(checkBody('[]')).toEqual({ ok: true, value: [] });
  });

  it('explains invalid JSON', () => {
    const result = checkBody("{'single': 1}");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The body is not valid JSON: /);
  });
});

describe('checkPath', () => {
  const instance = 'https://df.example.com';

  it('accepts paths relative to /api/v2 and trims a pasted /api/v2 prefix', () => {
    expect(checkPath('db/_table', instance)).toEqual({ ok: true, path: '/db/_table' });
    expect(checkPath('/api/v2/db/_table?limit=1', instance)).toEqual({ ok: true, path: '/db/_table?limit=1' });
    expect(checkPath('/api/v2', instance)).toEqual({ ok: true, path: '/' });
    expect(checkPath('/api/v2x/y', instance)).toEqual({ ok: true, path: '/api/v2x/y' });
  });

  it("accepts a full URL only on the instance's own origin", () => {
    expect(checkPath('https://df.example.com/api/v2/system/environment', instance)).toEqual({
      ok: true,
      path: '/system/environment',
    });
    expect(checkPath('https://other.example.com/api/v2/db', instance).ok).toBe(false);
    expect(checkPath('http://df.example.com/api/v2/db', instance).ok).toBe(false);
  });

  it('needs a path', () => {
    expect(checkPath('   ', instance)).toEqual({ ok: false, error: 'Enter a path, e.g. /db/_table/contacts.' });
  });
});

describe('paramsOf and the send shortcut', () => {
  it('drops rows without a key', () => {
    expect(paramsOf([{ key: ' limit ', value: '5' }, { key: '', value: 'x' }])).toEqual({ limit: '5' });
    expect(paramsOf([{ key: '', value: '' }])).toBeUndefined();
  });

  it('is Ctrl+Enter or Cmd+Enter only', () => {
    expect(isSendShortcut({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSendShortcut({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSendShortcut({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSendShortcut({ key: 'e', ctrlKey: true, metaKey: false })).toBe(false);
  });
});
