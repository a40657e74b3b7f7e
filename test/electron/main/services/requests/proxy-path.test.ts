import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../../shared/ipc/desk-error.ts';
import { resolveProxyPath } from '../../../../../electron/main/services/requests/proxy-path.ts';

const root = 'https://df.example.com';

function refusal(url: string, path: string): DeskError {
  try {
    resolveProxyPath(url, path);
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).kind).toBe('refused');
    return error as DeskError;
  }
  throw new Error(`Expected ${path} to be refused.`);
}

describe('resolveProxyPath', () => {
  it.each([
    ['/db/_table/contacts', '/db/_table/contacts', '/db/_table/contacts'],
    ['db/_table/contacts', '/db/_table/contacts', '/db/_table/contacts'],
    ['/db/_table/contacts?limit=5&filter=(id%3E3)', '/db/_table/contacts?limit=5&filter=(id%3E3)', '/db/_table/contacts'],
    ['/', '', ''],
    ['/user/session/', '/user/session/', '/user/session'],
    ['/System/Admin/Session', '/System/Admin/Session', '/system/admin/session'],
    // Pasted the way DF's docs print paths: /api/v2 is implied.
    ['/api/v2/db/_table/x', '/db/_table/x', '/db/_table/x'],
    ['/api/v2', '', ''],
    // Characters a user types are encoded, not rejected.
    ['/db/_table/my table', '/db/_table/my%20table', '/db/_table/my table'],
    // "@" is just a path character here, not userinfo.
    ['/@evil.example/x', '/@evil.example/x', '/@evil.example/x'],
    ['/db/_table/a%2Fb', '/db/_table/a%2Fb', '/db/_table/a/b'],
  ])('%s → %s', (input, path, route) => {
    expect(resolveProxyPath(root, input)).toEqual({ path, route });
  });

  // Issue 8, item 6: one canonical route for every spelling a server reads as the same route, and the
  // canonical path is what is sent (case, meaningful escapes and one trailing slash kept).
  it.each([
    ['/user//session', '/user/session', '/user/session'],
    ['/USER//Session//', '/USER/Session/', '/user/session'],
    ['/system//admin///session', '/system/admin/session', '/system/admin/session'],
    ['/api//v2//user/session', '/user/session', '/user/session'],
    ['/user/%73ession', '/user/session', '/user/session'],
    ['/user/%2573ession', '/user/%2573ession', '/user/session'],
    ['/user%2F%2Fsession', '/user%2F%2Fsession', '/user/session'],
    ['%2Fuser%2Fsession', '/%2Fuser%2Fsession', '/user/session'],
    ['/user%5Csession', '/user%5Csession', '/user/session'],
    ['/user/session%2F%2F', '/user/session%2F%2F', '/user/session'],
    ['/db/_table/a%2Db%20c', '/db/_table/a-b%20c', '/db/_table/a-b c'],
    ['/files/folder//?x=a//b', '/files/folder/?x=a//b', '/files/folder'],
  ])('item6-canonical-route: %s → %s (route %s)', (input, path, route) => {
    expect(resolveProxyPath(root, input)).toEqual({ path, route });
  });

  it('keeps an instance that lives under a sub-path inside its own /api/v2', () => {
    expect(resolveProxyPath('https://host.example/df', '/db/_table/x')).toEqual({
      path: '/db/_table/x',
      route: '/db/_table/x',
    });
  });

  it.each([
    'https://evil.example/api/v2/db',
    'http://df.example.com/api/v2/db',
    'HTTPS://evil.example',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '//evil.example/api/v2',
    '///evil.example',
  ])('refuses the absolute or protocol-relative URL %s', (input) => {
    expect(refusal(root, input).message).toMatch(/not full URLs/);
  });

  it.each(['\\\\evil.example\\x', '/\\evil.example', '/db\\..\\..\\x'])('refuses backslashes: %s', (input) => {
    expect(refusal(root, input).message).toMatch(/backslashes/);
  });

  it.each([
    '/../x',
    '/db/../../system/admin',
    '/db/_table/..',
    '/./db',
    '/db/%2e%2e/%2e%2e/x',
    '/db/%2E%2E/x',
    '/db/.%2e/x',
    '/db/%252e%252e/%252e%252e/x',
    '/db/..%2f..%2fx',
    '/db/%2e%2e%5c%2e%2e%5cx',
    '/api/v2/../../etc',
  ])('refuses dot segments, however encoded: %s', (input) => {
    expect(refusal(root, input).message).toMatch(/"\." or "\.\." segments/);
  });

  it('refuses control characters, fragments and empty paths', () => {
    expect(refusal(root, '/db\n/x').message).toMatch(/control characters/);
    expect(refusal(root, '/db#frag').message).toMatch(/"#"/);
    expect(refusal(root, '   ').message).toMatch(/Enter a path/);
  });

  it('answers a repeated path from memory, per instance, and never remembers a refusal as a target', () => {
    const first = resolveProxyPath(root, '/db/_table/contacts');
    expect(resolveProxyPath(root, '/db/_table/contacts')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(resolveProxyPath('https://other.example.com', '/db/_table/contacts')).not.toBe(first);
    for (let i = 0; i < 2; i++) expect(refusal(root, '/db/../x').message).toMatch(/segments/);
  });
});
