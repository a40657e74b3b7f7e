/**
 * The app:// origin the renderer is served from. Pure and Electron-free, so the IPC sender check and the
 * shell's protocol handler share one definition without the IPC layer reaching up into the shell.
 */

export const appScheme = 'app';
export const appHost = 'desk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/`;

/** True only for URLs on our own app:// origin (the IPC sender check and the app:// path guard use it). */
export function isAppUrl(url: string, host: string = appHost): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.host === host &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
