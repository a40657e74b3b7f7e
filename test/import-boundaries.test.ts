import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runtime import specifiers of a source file. `import type` / `export type` are erased and do not count. */
function runtimeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;'"]*?\s+from\s+)?["']([^"']+)["']/gm;
  for (const match of code.matchAll(statement)) {
    if (match[2] === undefined) found.push(match[4] as string);
  }
  for (const match of code.matchAll(/\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1] as string);
  return found;
}

function sourceFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

const files = [...sourceFiles('electron'), ...sourceFiles('shared'), ...sourceFiles('renderer')].map((file) => ({
  file,
  imports: runtimeImports(readFileSync(join(root, file), 'utf8')),
}));

const isPackage = (spec: string, name: string) => spec === name || spec.startsWith(`${name}/`);
const builtins = new Set(builtinModules);

describe('runtimeImports (the scanner itself)', () => {
  it('finds static, re-export, side-effect, dynamic and require imports', () => {
    const source = [
      "import { app } from 'electron';",
      "import Store from 'electron-store';",
      "import 'side-effect';",
      "export { x } from './x.ts';",
      "import {\n  a,\n  b,\n} from 'multi-line';",
      "const k = await import('keytar');",
      "const f = require('fs');",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['electron', 'electron-store', 'side-effect', './x.ts', 'multi-line', 'keytar', 'fs']);
  });

  it('ignores type-only imports and comments, but not `import { type X }` (it stays as a runtime import)', () => {
    const source = [
      "import type { WebPreferences } from 'electron';",
      "export type { X } from 'electron';",
      "// import { app } from 'electron';",
      "/* import keytar from 'keytar'; */",
      "import { type BrowserWindow } from 'electron';",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['electron']);
  });
});

describe('import boundaries', () => {
  it('found the sources to check', () => {
    expect(files.some((f) => f.file === 'electron/main/index.ts')).toBe(true);
    expect(files.some((f) => f.file.startsWith('shared/'))).toBe(true);
  });

  it("only the shell, the main entry and the preload entry import 'electron'", () => {
    const allowed = (file: string) =>
      file.startsWith('electron/main/shell/') ||
      file === 'electron/main/index.ts' ||
      /^electron\/main\/ipc\/electron-[^/]+\.ts$/.test(file) ||
      file === 'electron/preload/index.ts';
    const offenders = files.filter((f) => f.imports.some((s) => isPackage(s, 'electron')) && !allowed(f.file));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it("only the keytar vault adapter imports 'keytar'", () => {
    const offenders = files.filter(
      (f) => f.imports.some((s) => isPackage(s, 'keytar')) && f.file !== 'electron/main/adapters/keytar-vault.ts',
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it('shared/ imports nothing from electron/, renderer/ or test/, and no Node or Electron modules', () => {
    const offenders: string[] = [];
    for (const { file, imports } of files.filter((f) => f.file.startsWith('shared/'))) {
      for (const spec of imports) {
        const target = spec.startsWith('.') ? relative(root, join(root, file, '..', spec)).split(sep).join('/') : null;
        const crossesOut = target !== null && !target.startsWith('shared/');
        const nodeModule = spec.startsWith('node:') || builtins.has(spec);
        const platform = ['electron', 'keytar', 'electron-store', 'conf'].some((name) => isPackage(spec, name));
        if (crossesOut || nodeModule || platform) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("renderer/ never imports 'electron' or keytar", () => {
    const offenders = files.filter(
      (f) => f.file.startsWith('renderer/') && f.imports.some((s) => isPackage(s, 'electron') || isPackage(s, 'keytar')),
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });
});
