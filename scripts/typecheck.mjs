// Type-checks every runtime with its own tsconfig (shared: no Node/DOM types; electron; renderer; tests) in one
// `tsc -b` over the root tsconfig's project references. Build info goes to node_modules/.cache/tsc.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['tsc', '-b', 'tsconfig.json'], { stdio: 'inherit' });
if (result.status !== 0) console.error('[typecheck] tsc -b tsconfig.json failed');
process.exitCode = result.status ?? 1;
