// Which DF Desk this is. The shell passes Electron's answer; hosts without Electron (tests, the e2e harness,
// the demo) run from the sources, so the sources' package.json says which version they are.
// Only `version`: a named import lets the bundler leave the rest of package.json out of the main bundle.
import { version } from '../../../../package.json';

export interface AppInfo {
  version: string;
  /** `false` when run from the sources: such a build never updates itself. */
  packaged: boolean;
}

export const sourceAppInfo: AppInfo = { version, packaged: false };
