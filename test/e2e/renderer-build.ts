/**
 * Keeps build/renderer in step with its sources: the e2e suite and the screenshot script test the BUILT renderer,
 * so a stale bundle would test yesterday's UI. Rebuilds with the project's own `vite build` only when needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const rendererBuildDir = join(repoRoot, 'build/renderer');
const builtEntry = join(rendererBuildDir, 'index.html');

// The renderer bundle includes whatever it imports from shared/, so both trees count as its sources.
const sourceRoots = ['renderer', 'shared'].map((dir) => join(repoRoot, dir));
const sourceFiles = ['vite.config.ts', 'package.json'].map((file) => join(repoRoot, file));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why a rebuild is needed, or undefined when build/renderer is newer than every source. */
export function rendererBuildStaleReason(): string | undefined {
  if (!existsSync(builtEntry)) return 'build/renderer/index.html is missing';
  const builtAt = statSync(builtEntry).mtimeMs;
  const newest = Math.max(...sourceRoots.map(newestMtime), ...sourceFiles.map(newestMtime));
  return newest > builtAt ? 'the renderer sources changed since the last build' : undefined;
}

/** Runs `npx vite build` when the bundle is missing or stale; throws with vite's output when it fails. */
export function ensureRendererBuilt(log: (line: string) => void = () => undefined): void {
  const reason = rendererBuildStaleReason();
  if (reason === undefined) return;
  log(`[e2e] building the renderer: ${reason}`);
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(builtEntry)) {
    throw new Error(`vite build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}
