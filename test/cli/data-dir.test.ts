import { describe, expect, it } from 'vitest';
import { appDataLocation, chooseDataLocation } from '../../electron/cli/data-dir.ts';

describe('appDataLocation: Electron’s userData (and logs) for "DF Desk"', () => {
  it('Linux: $XDG_CONFIG_HOME or ~/.config', () => {
    expect(appDataLocation({ platform: 'linux', env: {}, home: '/home/jo' })).toEqual({ dataDir: '/home/jo/.config/DF Desk' });
    expect(appDataLocation({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/jo' }).dataDir).toBe('/cfg/DF Desk');
  });

  it('macOS: Application Support, with the logs in ~/Library/Logs', () => {
    expect(appDataLocation({ platform: 'darwin', env: {}, home: '/Users/jo' })).toEqual({
      dataDir: '/Users/jo/Library/Application Support/DF Desk',
      logDir: '/Users/jo/Library/Logs/DF Desk',
    });
  });

  it('Windows: %APPDATA%', () => {
    expect(appDataLocation({ platform: 'win32', env: { APPDATA: 'C:\\Users\\jo\\AppData\\Roaming' }, home: 'C:\\Users\\jo' })).toEqual({
      dataDir: 'C:\\Users\\jo\\AppData\\Roaming\\DF Desk',
    });
    expect(appDataLocation({ platform: 'win32', env: {}, home: 'C:\\Users\\jo' }).dataDir).toBe('C:\\Users\\jo\\AppData\\Roaming\\DF Desk');
  });
});

describe('chooseDataLocation', () => {
  const appDefault = { dataDir: '/home/jo/.config/DF Desk' };
  const base = { env: {}, cwd: '/work', platform: 'linux' as const, appDefault };

  it('uses the app’s folder by default', () => {
    expect(chooseDataLocation(base)).toBe(appDefault);
  });

  it('prefers --data-dir, then DF_DESK_DATA_DIR; both made absolute, with the logs inside', () => {
    expect(chooseDataLocation({ ...base, env: { DF_DESK_DATA_DIR: '/tmp/demo' } })).toEqual({ dataDir: '/tmp/demo' });
    expect(chooseDataLocation({ ...base, env: { DF_DESK_DATA_DIR: '' } })).toBe(appDefault);
    expect(chooseDataLocation({ ...base, flag: 'profile', env: { DF_DESK_DATA_DIR: '/tmp/demo' } })).toEqual({ dataDir: '/work/profile' });
  });
});
