// `npm start`: builds renderer, main and preload (`npm run build`), then launches Electron on the build.
// `node scripts/start.mjs --no-build` skips the build. Extra arguments go to Electron.
// The Electron binary is downloaded by the electron package on first use; that needs internet access.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const electronArgs = args.filter((a) => a !== '--no-build');

if (!skipBuild) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('[start] The build failed; not launching Electron.');
    process.exit(result.status ?? 1);
  }
}

let electronPath;
try {
  // The electron package's index.js returns the binary's path (downloading it the first time).
  electronPath = createRequire(import.meta.url)('electron');
} catch (error) {
  console.error(`[start] Could not get the Electron binary: ${error instanceof Error ? error.message : String(error)}`);
  console.error('[start] It is downloaded on first use from GitHub; run `npm start` again with internet access.');
  process.exit(1);
}

const env = { ...process.env };
// Inherited from a parent Electron tool, this would start Electron as plain Node and skip the app.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronPath, ['.', ...electronArgs], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`[start] Could not launch Electron: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
