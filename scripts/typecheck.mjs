// Type-checks each runtime with its own tsconfig (shared: no Node/DOM types; electron; renderer; tests).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['tsconfig.shared.json', 'tsconfig.electron.json', 'tsconfig.renderer.json', 'tsconfig.test.json'];
let failed = false;
for (const project of projects.filter((p) => existsSync(p))) {
  const result = spawnSync('npx', ['tsc', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[typecheck] ${project} failed`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
