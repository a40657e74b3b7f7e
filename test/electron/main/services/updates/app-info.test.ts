import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceAppInfo } from '../../../../../electron/main/services/updates/app-info.ts';

describe('sourceAppInfo', () => {
  it('is the version in package.json, not packaged', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(sourceAppInfo).toEqual({ version: pkg.version, packaged: false });
  });
});
