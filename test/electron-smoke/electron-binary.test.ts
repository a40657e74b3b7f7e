// Finding the Electron binary without letting node_modules/electron download it (electron-binary.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronPackageDir, findElectronBinary } from './electron-binary.ts';

const packageDir = '/repo/node_modules/electron';
const lookup = (files: Record<string, string>, env: Record<string, string> = {}) => ({
  packageDir,
  env,
  exists: (path: string) => path in files,
  readText: (path: string) => files[path] ?? '',
});

describe('findElectronBinary', () => {
  it('finds dist/<path.txt> like index.js does', () => {
    const files = { [join(packageDir, 'path.txt')]: 'electron', [join(packageDir, 'dist', 'electron')]: '' };
    expect(findElectronBinary(lookup(files))).toEqual({ available: true, path: join(packageDir, 'dist', 'electron') });
  });

  it('reads the macOS app path from path.txt', () => {
    const executable = 'Electron.app/Contents/MacOS/Electron';
    const files = { [join(packageDir, 'path.txt')]: `${executable}\n`, [join(packageDir, 'dist', executable)]: '' };
    expect(findElectronBinary(lookup(files))).toMatchObject({ available: true, path: join(packageDir, 'dist', executable) });
  });

  it('says why when the binary was never downloaded or was deleted', () => {
    expect(findElectronBinary(lookup({}))).toEqual({
      available: false,
      reason: 'node_modules/electron has no path.txt (the binary was never downloaded)',
    });
    const deleted = findElectronBinary(lookup({ [join(packageDir, 'path.txt')]: 'electron' }));
    expect(deleted).toEqual({ available: false, reason: `${join(packageDir, 'dist', 'electron')} does not exist` });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as index.js does', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(findElectronBinary(lookup({ '/opt/electron/electron': '' }, env))).toEqual({
      available: true,
      path: '/opt/electron/electron',
    });
    expect(findElectronBinary(lookup({}, env))).toMatchObject({ available: false });
  });

  it('mirrors the installed electron package: its index.js still reads path.txt and dist/ and the override', () => {
    const indexJs = readFileSync(join(electronPackageDir(), 'index.js'), 'utf8');
    for (const fragment of ["'path.txt'", "'dist'", 'ELECTRON_OVERRIDE_DIST_PATH']) expect(indexJs).toContain(fragment);
  });

  it('answers for this checkout without downloading anything', () => {
    const started = Date.now();
    const binary = findElectronBinary();
    expect(typeof binary.available).toBe('boolean');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
