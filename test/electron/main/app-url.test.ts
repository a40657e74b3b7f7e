import { describe, expect, it } from 'vitest';
import { appEntryUrl, appHost, appOrigin, appScheme, isAppUrl } from '../../../electron/main/app-url.ts';
import * as appProtocol from '../../../electron/main/shell/app-protocol.ts';

describe('the app:// origin', () => {
  it('is app://desk, with the entry page at its root', () => {
    expect(appOrigin).toBe('app://desk');
    expect(appEntryUrl).toBe('app://desk/');
  });

  it('is the one the app:// protocol module serves (re-exported, not redefined)', () => {
    expect(appProtocol.appScheme).toBe(appScheme);
    expect(appProtocol.appHost).toBe(appHost);
    expect(appProtocol.appOrigin).toBe(appOrigin);
    expect(appProtocol.appEntryUrl).toBe(appEntryUrl);
  });
});

describe('isAppUrl', () => {
  it('accepts only app://desk', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('app://desk/index.html#/x')).toBe(true);
    expect(isAppUrl('app://other/')).toBe(false);
    expect(isAppUrl('https://desk/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('refuses credentials and ports on the right host', () => {
    expect(isAppUrl('app://user@desk/')).toBe(false);
    expect(isAppUrl('app://user:pw@desk/')).toBe(false);
    expect(isAppUrl('app://desk:8080/')).toBe(false);
  });

  it('checks against another host when given one', () => {
    expect(isAppUrl('app://other/', 'other')).toBe(true);
    expect(isAppUrl('app://desk/', 'other')).toBe(false);
  });
});
