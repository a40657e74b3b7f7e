import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative import targets of a file, type-only ones included: a type import still couples the layers. */
function importTargets(file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const specs = [...code.matchAll(/\bfrom\s+["'](\.[^"']+)["']|\bimport\s*\(\s*["'](\.[^"']+)["']\s*\)/g)];
  return specs.map((m) => {
    const target = resolve(join(root, dirname(file)), (m[1] ?? m[2]) as string);
    return relative(root, target).split(sep).join('/');
  });
}

describe('the shell is the top layer', () => {
  const files = [...sources('electron'), ...sources('shared')];

  it('found the sources, and the scanner sees the entry importing the shell', () => {
    expect(files).toContain('electron/main/services/tls/pinned-certificate.ts');
    expect(importTargets('electron/main/index.ts')).toContain('electron/main/shell/start-shell.ts');
  });

  it('nothing below it (services, ipc, adapters, tls, shared, preload) imports from electron/main/shell/', () => {
    const outside = files.filter((file) => !file.startsWith('electron/main/shell/') && file !== 'electron/main/index.ts');
    const offenders = outside.flatMap((file) =>
      importTargets(file)
        .filter((target) => target.startsWith('electron/main/shell/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});
