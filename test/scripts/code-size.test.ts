// The product code stays readable: small files, short functions, small components (scripts/code-size.mjs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations; its shapes are checked below.
import { LIMITS, measure } from '../../scripts/code-size.mjs';

interface Sized {
  file: string;
  name?: string;
  line?: number;
  lines: number;
}
interface Report {
  files: Sized[];
  functions: Sized[];
  longFiles: Sized[];
  longFunctions: Sized[];
  longComponents: Sized[];
}

const measured = (root?: string) => measure(root) as Report;
const temp: string[] = [];
afterEach(() => {
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('code size', () => {
  it('no product file over 300 lines, no function over 80, no React component over 150', () => {
    expect(LIMITS).toEqual({ fileLines: 300, functionLines: 80, componentLines: 150 });
    const report = measured();
    expect(report.files.length).toBeGreaterThan(100);
    const where = (list: Sized[]) => list.map((item) => `${item.file}${item.name ? ` ${item.name}` : ''}: ${item.lines}`);
    expect(where(report.longFiles)).toEqual([]);
    expect(where(report.longFunctions)).toEqual([]);
    expect(where(report.longComponents)).toEqual([]);
  });

  it('measures nested functions inside their parent and tells components from functions', () => {
    const root = mkdtempSync(join(tmpdir(), 'code-size-'));
    temp.push(root);
    for (const dir of ['shared', 'electron', 'renderer']) mkdirSync(join(root, dir));
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    writeFileSync(join(root, 'shared', 'long.ts'), `export function outer() {\n  const inner = () => {\n${body(90)}\n  };\n  return inner;\n}\n`);
    writeFileSync(join(root, 'renderer', 'View.tsx'), `export function View() {\n${body(100)}\n  return <p />;\n}\n`);
    const report = measured(root);
    expect(report.longFunctions.map((f) => f.name).sort()).toEqual(['inner', 'outer']);
    expect(report.longComponents).toEqual([]);
    expect(report.functions.find((f) => f.name === 'View')).toMatchObject({ lines: 103 });
  });
});
