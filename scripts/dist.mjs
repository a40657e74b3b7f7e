// `npm run dist`: builds everything (`npm run build`), then packages with electron-builder using
// electron-builder.yml. Extra arguments go to electron-builder (e.g. `npm run dist -- --linux deb`).
// Packaging downloads the Electron zip from GitHub, so it needs internet access.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const onWindows = process.platform === 'win32';
const builder = join(root, 'node_modules', '.bin', onWindows ? 'electron-builder.cmd' : 'electron-builder');
if (!existsSync(builder)) {
  // Checked first so a missing tool fails in a second, not after a full build.
  console.error('[dist] electron-builder is not installed. Add it: npm install -D electron-builder@^26');
  process.exit(1);
}

const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: onWindows }).status ?? 1;

const built = run(onWindows ? 'npm.cmd' : 'npm', ['run', '-s', 'build']);
if (built !== 0) process.exit(built);
process.exit(run(builder, ['--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]));
