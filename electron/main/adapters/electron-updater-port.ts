/**
 * electron-updater's autoUpdater as the update service's UpdaterLike port. Loaded on demand with a dynamic
 * import: the module reaches into Electron's `app` as soon as its autoUpdater is read, so development runs and
 * Node tests must never load it. The shell calls this only for a packaged app.
 */
import type { AppUpdater } from 'electron-updater';
import type { UpdaterLike } from '../services/updates/updater-port.ts';

/** Compile-time check: electron-updater's autoUpdater fits the port, so an upgrade that breaks it fails the typecheck. */
type Fits<T extends UpdaterLike> = T;
export type AutoUpdaterFitsPort = Fits<AppUpdater>;

export type LoadUpdaterModule = () => Promise<unknown>;

const loadElectronUpdater: LoadUpdaterModule = () => import('electron-updater');

function read(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function isUpdaterLike(value: unknown): value is UpdaterLike {
  return ['checkForUpdates', 'quitAndInstall', 'on', 'removeListener'].every((name) => typeof read(value, name) === 'function');
}

/**
 * Node's ESM loader may not see a CommonJS getter export such as `autoUpdater` by name; it is always on the
 * module's `default` (module.exports) then.
 */
export async function electronUpdaterPort(load: LoadUpdaterModule = loadElectronUpdater): Promise<UpdaterLike> {
  const module = await load();
  const named = read(module, 'autoUpdater');
  const updater = named ?? read(read(module, 'default'), 'autoUpdater');
  if (!isUpdaterLike(updater)) throw new Error('electron-updater did not provide an autoUpdater.');
  return updater;
}
