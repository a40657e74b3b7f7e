/**
 * Finds the Electron binary the way node_modules/electron/index.js does, without its side effect: on a miss,
 * index.js DOWNLOADS Electron from GitHub (and `require('electron')` blocks on that), so asking it would hang or
 * fail on a machine without internet. The smoke test asks this module instead and skips when the answer is no.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const noElectronLine = 'skipped: no Electron binary';

/** In CI a missing binary is a broken setup, not a reason to skip: the release workflow sets this. */
export const requireElectronVariable = 'DF_DESK_REQUIRE_ELECTRON';

export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

export interface BinaryLookup {
  /** node_modules/electron; default: resolved from here. */
  packageDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string;
}

export function electronPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

export function findElectronBinary(lookup: BinaryLookup = {}): ElectronBinary {
  const packageDir = lookup.packageDir ?? electronPackageDir();
  const env = lookup.env ?? process.env;
  const exists = lookup.exists ?? existsSync;
  const readText = lookup.readText ?? ((path: string) => readFileSync(path, 'utf8'));

  // path.txt is written when the binary is unpacked; it names the executable inside dist/.
  const pathFile = join(packageDir, 'path.txt');
  const executable = exists(pathFile) ? readText(pathFile).trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, executable || 'electron');
    return exists(path) ? { available: true, path } : { available: false, reason: `${path} does not exist` };
  }
  if (executable === '') {
    return { available: false, reason: 'node_modules/electron has no path.txt (the binary was never downloaded)' };
  }
  const path = join(packageDir, 'dist', executable);
  return exists(path) ? { available: true, path } : { available: false, reason: `${path} does not exist` };
}
