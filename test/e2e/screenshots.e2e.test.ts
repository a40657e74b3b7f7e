// scripts/screenshots.ts must keep working as the UI changes: it walks every main screen, so a renamed label
// or a broken screen fails here instead of leaving stale docs.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { screenshotNames, screenshotSize, takeScreenshots } from '../../scripts/screenshots.ts';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('scripts/screenshots.ts', () => {
  let outDir: string | undefined;

  afterAll(async () => {
    if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
  });

  it('writes a PNG of every main screen (1280×800, one at 1024×700), with no page errors and a real keychain', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'dfdesk-shots-'));
    const run = await takeScreenshots(outDir);
    expect(run.written).toEqual(screenshotNames.map((name) => join(outDir ?? '', `${name}.png`)));
    for (const name of screenshotNames) {
      const png = await readFile(join(outDir, `${name}.png`));
      expect(png.subarray(0, 8).equals(pngSignature)).toBe(true);
      // IHDR: width and height are the first two big-endian words after the chunk header.
      const { width, height } = screenshotSize(name);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], name).toEqual([width, height]);
    }
    expect(run.pageErrors).toEqual([]);
    expect(run.keychain).toBe(true);
  });
});
