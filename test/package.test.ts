// package.json facts that other files rely on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const ours = readJson('../package.json') as { devDependencies: Record<string, string>; dependencies: Record<string, string> };
const electron = readJson('../node_modules/electron/package.json') as { version: string; dependencies: Record<string, string> };

const major = (range: string) => Number(/(\d+)/.exec(range)?.[1]);

describe('package.json', () => {
  it("types Node as the Node inside the Electron we ship (electron's own @types/node), not the Node that runs the tests", () => {
    const shipped = electron.dependencies['@types/node'];
    expect(shipped, `electron ${electron.version} declares no @types/node`).toBeDefined();
    expect(major(ours.devDependencies['@types/node'] ?? '')).toBe(major(shipped ?? ''));
  });
});
