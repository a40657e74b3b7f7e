// The renderer's size budget (issue: at most 250 KB of JS, gzipped), checked on the bundle the journeys run.
// Sizes, not timings: a size does not depend on how busy the machine is.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt, rendererBuildDir } from './renderer-build.ts';

const BUDGET_BYTES = 250 * 1024;

describe('renderer bundle budget', () => {
  ensureRendererBuilt();
  const assets = join(rendererBuildDir, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const sources = scripts.map((f) => readFileSync(join(assets, f)));

  it('ships at most 250 KB of gzipped JavaScript', () => {
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = sources.reduce((sum, source) => sum + gzipSync(source).length, 0);
    console.log(`[bundle] ${scripts.length} JS file(s), ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('does not bundle zod: the renderer imports the IPC contract for its types only', () => {
    // zod's error map text is a stable marker of its runtime being present.
    for (const source of sources) expect(source.toString('utf8')).not.toMatch(/ZodError|\$ZodType/);
  });
});
