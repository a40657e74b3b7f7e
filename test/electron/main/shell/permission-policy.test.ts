import { describe, expect, it } from 'vitest';
import {
  decideDevicePermission,
  decidePermissionCheck,
  decidePermissionRequest,
  describeDeniedPermission,
} from '../../../../electron/main/shell/permission-policy.ts';

const permissions = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'openExternal',
  'hid',
  'serial',
  'usb',
  'midiSysex',
  'pointerLock',
  'display-capture',
  'local-fonts',
  'storage-access',
  'unknown',
  'some-future-permission',
];

describe('permission policy', () => {
  it('denies every permission request', () => {
    for (const p of permissions) expect(decidePermissionRequest(p, 'app://desk/')).toBe(false);
  });
  it('denies every permission check', () => {
    for (const p of permissions) expect(decidePermissionCheck(p, 'app://desk')).toBe(false);
  });
  it('denies every device', () => {
    for (const d of ['hid', 'serial', 'usb']) expect(decideDevicePermission(d)).toBe(false);
  });
  it('logs the origin only, never the full URL', () => {
    const line = describeDeniedPermission('media', 'https://x.example/p?session_token=eyJabc.def.ghi');
    expect(line).toBe('Denied permission "media" for https://x.example.');
    expect(describeDeniedPermission('media', undefined)).toContain('unknown origin');
    expect(describeDeniedPermission('media', '::')).toContain('unparseable origin');
  });
});
