/**
 * Electron entry. Order matters: the app:// scheme and the sandbox must be set up before `ready`, and the
 * single-instance lock before anything opens. Every decision lives in a pure module; this file only wires.
 */
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { redactSecrets } from '../../shared/ipc/dispatch.ts';
import { createRedactingLogger } from './adapters/redacting-logger.ts';
import { createDesk } from './desk.ts';
import { startEventPush } from './ipc/event-pusher.ts';
import { registerIpcRoutes } from './ipc/router.ts';
import { createTrustedContents } from './ipc/trusted-contents.ts';
import { appHost, appScheme, appSchemePrivileges, handleAppRequest } from './shell/app-protocol.ts';
import { decideCertificateError, type TrustedCertificate } from './shell/certificate-policy.ts';
import { hardenSession, hardenWebContents } from './shell/hardening.ts';
import { createQuitGuard } from './shell/lifecycle.ts';
import { runtimePaths } from './shell/paths.ts';
import { claimSingleInstance } from './shell/single-instance.ts';
import { createMainWindow } from './shell/window.ts';

// One redacting JSON-lines logger for the shell and the desk services (stderr; a file sink can replace it).
const logger = createRedactingLogger({ sink: (line) => process.stderr.write(`${line}\n`) });
const warn = (message: string) => logger.warn(message);

const paths = runtimePaths(fileURLToPath(new URL('.', import.meta.url)));
const trusted = createTrustedContents();
// No instance trusts a certificate yet; the instance registry can supply user-confirmed fingerprints here.
const trustedCertificates = (): readonly TrustedCertificate[] => [];
let mainWindow: BrowserWindow | null = null;

// `npm run demo` runs the app on a separate profile so the user's real instances stay untouched. Set before the
// single-instance lock, which is per profile.
const demoDataDir = process.env.DF_DESK_DATA_DIR;
if (demoDataDir) app.setPath('userData', demoDataDir);

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();

if (claimSingleInstance(app, () => mainWindow)) {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url), warn });
  });

  app.on('certificate-error', (event, _contents, url, error, certificate, callback) => {
    const decision = decideCertificateError({ url, error, fingerprint: certificate.fingerprint }, trustedCertificates());
    warn(decision.logMessage);
    if (decision.trust) event.preventDefault();
    callback(decision.trust);
  });

  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, warn);
  protocol.handle(appScheme, (request) => handleAppRequest(request, { rootDir: paths.rendererDir, host: appHost }));

  const desk = await createDesk({ dataDir: app.getPath('userData'), logger, settingsStore: ElectronStore });
  const unregister = registerIpcRoutes({
    ipcMain,
    api: desk.api,
    trust: { isKnownWebContents: trusted.has, host: appHost },
    warn,
    onUnexpectedError: (error, channel) => warn(`Unexpected error in ${channel}: ${describe(error)}`),
  });
  const stopPush = startEventPush(desk.api, trusted.list, warn);

  const openWindow = () => {
    const window = createMainWindow({ preloadPath: paths.preload, trusted, onLoadFailed: fail });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };
  openWindow();

  app.on('activate', () => {
    if (mainWindow === null) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on(
    'will-quit',
    createQuitGuard({
      dispose: async () => {
        stopPush();
        unregister();
        await desk.dispose();
      },
      quit: () => app.quit(),
      onError: (error) => warn(`Shutdown: ${describe(error)}`),
    }),
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'non-error value thrown';
}

function fail(error: unknown): void {
  warn(`Startup failed: ${describe(error)}`);
  dialog.showErrorBox('DF Desk could not start', redactSecrets(error instanceof Error ? error.message : String(error)));
  app.quit();
}
