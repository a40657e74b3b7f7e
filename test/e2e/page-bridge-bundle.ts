/**
 * Bundles page-bridge.ts (and the real shared/ipc bridge with it) into one classic script for
 * page.addInitScript: init scripts cannot import modules. Built once per process, in memory.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { repoRoot } from './renderer-build.ts';

const entry = fileURLToPath(new URL('./page-bridge.ts', import.meta.url));
let bundled: Promise<string> | undefined;

function firstChunkCode(output: unknown): string {
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    const chunks: unknown = (result as { output?: unknown }).output;
    if (!Array.isArray(chunks)) continue;
    for (const chunk of chunks) {
      const code: unknown = (chunk as { type?: unknown; code?: unknown }).code;
      if ((chunk as { type?: unknown }).type === 'chunk' && typeof code === 'string') return code;
    }
  }
  throw new Error('vite produced no chunk for the page bridge.');
}

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      target: 'chrome130',
      lib: { entry, formats: ['iife'], name: '__deskPageBridge', fileName: 'page-bridge' },
    },
  });
  return firstChunkCode(output);
}

/** The init script's source. */
export function pageBridgeScript(): Promise<string> {
  bundled ??= bundle();
  return bundled;
}
