/**
 * Electron entry: hands the real electron module to the shell, which does all the wiring (shell/start-shell.ts,
 * tested in Node with a fake module). The typechecker holds this object literal to ElectronLike.
 */
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, powerMonitor, protocol, screen, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { cliArgs, runCliInElectron } from '../cli/electron-entry.ts';
import { electronNetworkPort } from './services/network/electron-network-port.ts';
import { startShell } from './shell/start-shell.ts';

// `df-desk --cli …` (the installers' `dfdesk`): one command line run, no window; it exits with the command's code.
const cli = cliArgs(process.argv);
if (cli !== null) {
  void runCliInElectron(app, {
    args: cli,
    settingsStore: ElectronStore,
    platform: process.platform,
    network: () => electronNetworkPort(session.defaultSession),
  });
} else {
  void startShell(
    { app, BrowserWindow, dialog, ipcMain, Menu, net, powerMonitor, protocol, screen, session, shell },
    {
      mainBundleDir: fileURLToPath(new URL('.', import.meta.url)),
      env: process.env,
      platform: process.platform,
      settingsStore: ElectronStore,
    },
  );
}
