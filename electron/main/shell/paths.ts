/**
 * Where the build puts each part. The vite config writes to these folders and the main process finds its
 * preload and renderer from them, so the two cannot drift apart.
 */
import { join, relative, resolve } from 'node:path';

export const buildLayout = {
  mainDir: 'build/electron/main',
  mainFile: 'index.js',
  preloadDir: 'build/electron/preload',
  // .cjs: the package is "type": "module", and a sandboxed preload must be CommonJS.
  preloadFile: 'index.cjs',
  rendererDir: 'build/renderer',
} as const;

export interface RuntimePaths {
  preload: string;
  rendererDir: string;
}

/** Resolves the preload and renderer folder from the directory of the running main bundle. */
export function runtimePaths(mainBundleDir: string): RuntimePaths {
  const root = resolve(mainBundleDir, relative(buildLayout.mainDir, '.'));
  return {
    preload: join(root, buildLayout.preloadDir, buildLayout.preloadFile),
    rendererDir: join(root, buildLayout.rendererDir),
  };
}
