import { describe, expect, it } from 'vitest';
import { parseRoute } from './route-info.ts';

describe('parseRoute', () => {
  it('classifies the session paths and environment as access exceptions', () => {
    expect(parseRoute('/api/v2/user/session', 'PUT')).toMatchObject({ isSessionPath: true, isAdminSessionPath: false, isAccessException: true });
    expect(parseRoute('/api/v2/System/Admin/Session/', 'GET')).toMatchObject({ isAdminSessionPath: true, isAccessException: true });
    expect(parseRoute('/api/v2/system/environment', 'GET')?.isAccessException).toBe(true);
    expect(parseRoute('/api/v2/system/environment', 'POST')?.isAccessException).toBe(false);
  });

  it('splits service, component and segments', () => {
    expect(parseRoute('/api/v2/db/_table/Contacts/7', 'GET')).toMatchObject({
      service: 'db',
      component: '_table/contacts/7',
      segments: ['_table', 'Contacts', '7'],
      isRoot: false,
    });
    expect(parseRoute('/api/v2', 'GET')?.isRoot).toBe(true);
    expect(parseRoute('/api/v2/', 'GET')?.isRoot).toBe(true);
    expect(parseRoute('/api/v20', 'GET')).toBeNull();
    expect(parseRoute('/status', 'GET')).toBeNull();
  });
});
