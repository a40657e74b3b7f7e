import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLayout } from '../electron/main/shell/paths.ts';
import electronConfig, {
  cliBuild,
  electronBuildModes,
  isMainExternal,
  isPreloadExternal,
  mainExternalPackages,
} from '../vite.electron.config.ts';

const configFile = new URL('../vite.electron.config.ts', import.meta.url).pathname;
let outRoot: string;

beforeAll(async () => {
  outRoot = await mkdtemp(join(tmpdir(), 'electron-build-'));
});
afterAll(async () => {
  await rm(outRoot, { recursive: true, force: true });
});

describe('vite.electron.config: settings', () => {
  it('writes where the main process looks', () => {
    expect(electronBuildModes.main.build?.outDir).toBe(buildLayout.mainDir);
    expect(electronBuildModes.preload.build?.outDir).toBe(buildLayout.preloadDir);
  });

  it('refuses an unknown mode', () => {
    const resolve = electronConfig as (env: { mode: string; command: 'build' }) => unknown;
    expect(() => resolve({ mode: 'production', command: 'build' })).toThrow(/--mode main or --mode preload/);
  });

  it('main keeps Electron, native/ESM-only packages, production deps and node builtins external', () => {
    for (const id of ['electron', 'keytar', 'electron-store', 'conf', 'zod', 'axios', 'node:fs', 'fs', 'path', 'zod/v4']) {
      expect(isMainExternal(id), id).toBe(true);
    }
    for (const id of ['./desk.ts', 'axios-auth-refresh', 'jose', 'electronics']) expect(isMainExternal(id), id).toBe(false);
    expect(mainExternalPackages).toEqual(expect.arrayContaining(['electron', 'keytar', 'electron-store', 'conf']));
  });

  it('preload bundles everything but electron', () => {
    expect(isPreloadExternal('electron')).toBe(true);
    expect(isPreloadExternal('zod')).toBe(false);
    expect(isPreloadExternal('node:path')).toBe(false);
  });
});

describe('vite.electron.config: real builds', () => {
  it('builds a CommonJS preload that runs with only require("electron") and no Node globals', async () => {
    const outDir = join(outRoot, 'preload');
    await build({ configFile, mode: 'preload', logLevel: 'silent', build: { outDir } });
    const code = await readFile(join(outDir, buildLayout.preloadFile), 'utf8');
    expect(code).not.toMatch(/^\s*import\s/m);
    const required = [...code.matchAll(/require\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]);
    expect([...new Set(required)]).toEqual(['electron']);
    // zod is the main process's payload check; bundled here it multiplied the preload's size for nothing.
    expect(code).not.toMatch(/\bZod[A-Z$]|\$Zod|zod/);

    const exposed = new Map<string, unknown>();
    const requested: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (channel: string, payload: unknown) => {
          requested.push(channel);
          return Promise.resolve({ ok: true, value: payload });
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const module = { exports: {} };
    // Like a sandboxed preload: a require that knows 'electron' only, no process, Buffer or fs.
    runInNewContext(code, {
      require: (id: string) => {
        if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
        return electron;
      },
      module,
      exports: module.exports,
    });
    const desk = exposed.get('desk') as { invoke: (c: string, p: unknown) => Promise<unknown> } | undefined;
    expect(desk).toBeDefined();
    expect(Object.isFrozen(desk)).toBe(true);
    expect(await desk?.invoke('instances.list', {})).toEqual({ ok: true, value: {} });
    expect(await desk?.invoke('not.a.channel', {})).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(requested).toEqual(['desk:instances.list']);
  });

  it('builds an ESM main bundle that imports only externals', async () => {
    const outDir = join(outRoot, 'main');
    // Until electron/main/desk.ts exists (another module's job) the entry's import of it is stubbed.
    const deskExists = existsSync(new URL('../electron/main/desk.ts', import.meta.url));
    const stubDesk: Plugin = {
      name: 'stub-desk',
      enforce: 'pre',
      resolveId: (id, importer) => (!deskExists && id === './desk.ts' && importer?.endsWith('main/index.ts') ? '\0desk' : null),
      load: (id) => (id === '\0desk' ? 'export async function createDesk() { return { api: {}, dispose: async () => {} }; }' : null),
    };
    await build({ configFile, mode: 'main', logLevel: 'silent', build: { outDir }, plugins: [stubDesk] });
    const code = await readFile(join(outDir, buildLayout.mainFile), 'utf8');
    const imported = [...code.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1] as string);
    const dynamic = [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string);
    expect(imported).toContain('electron');
    for (const id of [...imported, ...dynamic]) expect(isMainExternal(id), id).toBe(true);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).toContain('import.meta.url');
  });
});

describe('vite.electron.config: the dfdesk build (--mode cli)', () => {
  it('writes package.json’s "bin", an ESM file with a #! line that plain node runs', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string>; version: string };
    expect(pkg.bin.dfdesk).toBe(`${cliBuild.dir}/${cliBuild.file}`);
    // Inside the repository, so the external packages resolve from its node_modules as they do for the real bin.
    const cacheDir = new URL('../node_modules/.cache/', import.meta.url).pathname;
    const outDir = await mkdtemp(join(cacheDir, 'dfdesk-build-'));
    const dataDir = await mkdtemp(join(tmpdir(), 'dfdesk-bin-'));
    try {
      await build({ configFile, mode: 'cli', logLevel: 'silent', build: { outDir } });
      const file = join(outDir, cliBuild.file);
      const code = await readFile(file, 'utf8');
      expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
      const imported = [...code.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1] as string);
      for (const id of imported) expect(isMainExternal(id), id).toBe(true);
      expect(imported).not.toContain('electron');
      expect(execFileSync(process.execPath, [file, '--version'], { encoding: 'utf8' })).toBe(`${pkg.version}\n`);
      const listed = execFileSync(process.execPath, [file, 'instances', '--data-dir', dataDir], { encoding: 'utf8' });
      expect(JSON.parse(listed)).toEqual([]);
    } finally {
      await rm(outDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
