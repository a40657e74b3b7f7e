/**
 * Builds the Electron main process and the preload with vite (electron-vite is not available here).
 *   vite build --config vite.electron.config.ts --mode main     → build/electron/main/index.js  (ESM, Node)
 *   vite build --config vite.electron.config.ts --mode preload  → build/electron/preload/index.cjs (CJS, sandbox)
 *   vite build --config vite.electron.config.ts --mode cli      → build/electron/cli/main.js (`dfdesk` for plain Node)
 * The renderer has its own config and writes build/renderer/.
 */
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { buildLayout } from './electron/main/shell/paths.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};

/**
 * Left as runtime imports in the main bundle: Electron itself, native or ESM-only packages that must load from
 * node_modules (keytar's .node file, electron-store/conf), and every production dependency, which
 * electron-builder ships in node_modules anyway. Dev dependencies used at runtime get bundled.
 */
export const mainExternalPackages: readonly string[] = [
  ...new Set(['electron', 'keytar', 'electron-store', 'conf', ...Object.keys(pkg.dependencies ?? {})]),
];

export function isMainExternal(id: string): boolean {
  if (id.startsWith('node:') || isBuiltin(id)) return true;
  return mainExternalPackages.some((name) => id === name || id.startsWith(`${name}/`));
}

/** A sandboxed preload can only require('electron') (and a few polyfills); everything else is bundled in. */
export function isPreloadExternal(id: string): boolean {
  return id === 'electron';
}

// Electron 45 runs Chromium 142 and Node 22.
const mainConfig: UserConfig = {
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: buildLayout.mainDir,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    ssr: 'electron/main/index.ts',
    rolldownOptions: {
      external: isMainExternal,
      output: { format: 'es', entryFileNames: buildLayout.mainFile },
    },
  },
  ssr: { target: 'node', noExternal: true },
};

const preloadConfig: UserConfig = {
  root,
  publicDir: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: buildLayout.preloadDir,
    emptyOutDir: true,
    target: 'chrome142',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: { entry: 'electron/preload/index.ts', formats: ['cjs'], fileName: () => buildLayout.preloadFile },
    rolldownOptions: { external: isPreloadExternal },
  },
};

/** Where `npm run build:cli` writes `dfdesk` (package.json "bin"); the packaged app runs it with --cli instead. */
export const cliBuild = { dir: 'build/electron/cli', file: 'main.js' } as const;

// The command line for plain Node: the main process's services with the same externals (keytar and conf load
// from node_modules), run by `node` directly (the entry's #! line is kept), so no TypeScript loader at startup.
const cliConfig: UserConfig = {
  ...mainConfig,
  build: {
    ...mainConfig.build,
    outDir: cliBuild.dir,
    ssr: 'electron/cli/main.ts',
    rolldownOptions: { external: isMainExternal, output: { format: 'es', entryFileNames: cliBuild.file } },
  },
};

export const electronBuildModes = { main: mainConfig, preload: preloadConfig, cli: cliConfig } as const;

export default defineConfig(({ mode }) => {
  if (mode === 'main' || mode === 'preload' || mode === 'cli') return electronBuildModes[mode];
  throw new Error(`vite.electron.config.ts: use --mode main or --mode preload (or --mode cli) (got "${mode}").`);
});
