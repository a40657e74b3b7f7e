import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLayout, runtimePaths } from '../../../../electron/main/shell/paths.ts';

describe('runtimePaths', () => {
  it('finds preload and renderer next to the main bundle, as the build lays them out', () => {
    const root = '/opt/DF Desk/resources/app.asar';
    const paths = runtimePaths(join(root, buildLayout.mainDir));
    expect(paths.preload).toBe(join(root, 'build/electron/preload/index.cjs'));
    expect(paths.rendererDir).toBe(join(root, 'build/renderer'));
  });

  it('accepts a trailing slash (fileURLToPath of a directory URL ends with one)', () => {
    expect(runtimePaths('/repo/build/electron/main/').rendererDir).toBe('/repo/build/renderer');
  });
});
