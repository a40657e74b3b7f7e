import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { electronUpdaterPort } from '../../../../electron/main/adapters/electron-updater-port.ts';
import { FakeUpdater } from '../services/updates/fake-updater.ts';

describe('electronUpdaterPort', () => {
  it('takes the autoUpdater export', async () => {
    const updater = new FakeUpdater();
    expect(await electronUpdaterPort(async () => ({ autoUpdater: updater }))).toBe(updater);
  });

  it('finds it on module.exports when Node does not name a CommonJS getter export', async () => {
    const updater = new FakeUpdater();
    expect(await electronUpdaterPort(async () => ({ default: { autoUpdater: updater } }))).toBe(updater);
  });

  it('refuses a module without a usable autoUpdater', async () => {
    for (const module of [{}, null, { autoUpdater: { checkForUpdates: 1 } }, { default: 'x' }]) {
      await expect(electronUpdaterPort(async () => module)).rejects.toThrow('electron-updater did not provide an autoUpdater.');
    }
  });

  it('the real electron-updater: autoUpdater is a getter on module.exports that Node ESM does not name', async () => {
    // Only the module is loaded; reading the getter would build an updater, which needs Electron's app.
    const module: unknown = await import('electron-updater');
    const exportsObject = Reflect.get(module as object, 'default') as object;
    expect(typeof Object.getOwnPropertyDescriptor(exportsObject, 'autoUpdater')?.get).toBe('function');
  });

  it('loads electron-updater only when called: no static import of it', () => {
    const source = readFileSync(new URL('../../../../electron/main/adapters/electron-updater-port.ts', import.meta.url), 'utf8');
    const staticImports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(staticImports).not.toContain('electron-updater');
    expect(source).toContain("import('electron-updater')");
  });
});
