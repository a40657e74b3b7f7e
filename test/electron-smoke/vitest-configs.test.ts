// Which suite runs the smoke test (vitest.electron.config.ts): only `npm run test:electron`, never `npm test`.
// Asked of vitest itself (`vitest list --filesOnly`), so a glob change in any config is caught.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const vitestCli = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

function listedFiles(config?: string): string[] {
  const args = [vitestCli, 'list', '--filesOnly', '--json', ...(config ? ['--config', config] : [])];
  const output = execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  const files = JSON.parse(output.slice(output.indexOf('['))) as { file: string }[];
  return files.map(({ file }) => relative(repoRoot, file).split('\\').join('/'));
}

describe('test suite selection', () => {
  it('the electron config runs exactly the smoke test files', () => {
    expect(listedFiles('vitest.electron.config.ts')).toEqual(['test/electron-smoke/real-app.electron.ts']);
  });

  it('npm test (the unit and e2e configs) never runs them, but does run their helpers’ unit tests', () => {
    const unit = listedFiles();
    const e2e = listedFiles('vitest.e2e.config.ts');
    expect([...unit, ...e2e].filter((file) => file.endsWith('.electron.ts'))).toEqual([]);
    expect(unit).toEqual(expect.arrayContaining(['test/electron-smoke/electron-binary.test.ts', 'test/electron-smoke/keyring.test.ts']));
  });

  it('npm run test:electron uses that config, and scripts/test.sh does not', () => {
    const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['test:electron']).toBe('vitest run --config vitest.electron.config.ts');
    expect(readFileSync(new URL('../../scripts/test.sh', import.meta.url), 'utf8')).not.toContain('electron.config');
  });
});
