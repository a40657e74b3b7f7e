#!/usr/bin/env node
/**
 * `dfdesk` in plain Node: `npm run dfdesk -- …` from the sources, or the built build/electron/cli/main.js
 * (`npm run build:cli`, package.json "bin"). The packaged app runs the same commands with `--cli`
 * (electron-entry.ts).
 */
import { homedir } from 'node:os';
import { electronNetworkPort } from '../main/services/network/electron-network-port.ts';
import { envNetworkPort } from '../main/services/network/env-proxy.ts';
import { sourceAppInfo } from '../main/services/updates/app-info.ts';
import { runCli } from './cli-run.ts';
import { appDataLocation } from './data-dir.ts';
import { deskOpener } from './host.ts';
import { flushed, processIo } from './io.ts';

const io = processIo();
// No Chromium to ask for proxies here: HTTPS_PROXY / NO_PROXY instead; the CAs are loaded as the app loads them.
const trust = electronNetworkPort({ resolveProxy: async () => 'DIRECT' });
const network = envNetworkPort(() => trust.trustedCertificates(), io.env);
const code = await runCli(process.argv.slice(2), io, {
  version: sourceAppInfo.version,
  platform: process.platform,
  appDefault: appDataLocation({ platform: process.platform, env: io.env, home: homedir() }),
  openDesk: deskOpener({ version: sourceAppInfo.version, network }),
});
// Exit as soon as the output is out: a keep-alive socket or a keychain connection must not hold a finished command.
await Promise.all([flushed(io.stdout), flushed(io.stderr)]);
process.exit(code);
