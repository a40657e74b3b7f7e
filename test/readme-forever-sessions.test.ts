// The README's "Enabling forever sessions" section must stay in step with the doctor it describes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOREVER_SETTING_LINE, installSteps } from '../shared/doctor/install-steps.ts';
import { NGINX_TRY_FILES } from '../shared/doctor/rewrite-rules.ts';
import { screenshotNames } from '../scripts/screenshots.ts';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const start = readme.indexOf('### Enabling forever sessions on a DF server');
const rest = readme.slice(start + 1);
const next = rest.indexOf('\n### ');
const section = next === -1 ? rest : rest.slice(0, next);

describe('README: Enabling forever sessions', () => {
  it('exists', () => {
    expect(start).toBeGreaterThan(-1);
  });

  it('shows the doctor’s screenshot, which the screenshot script writes', () => {
    expect(section).toContain('](docs/screenshots/forever-doctor.png)');
    expect(screenshotNames).toContain('forever-doctor');
    expect(existsSync(join(root, 'docs', 'screenshots', 'forever-doctor.png'))).toBe(true);
  });

  it('gives the doctor’s own setting line, paths, restart and rewrite rule', () => {
    expect(section).toContain(FOREVER_SETTING_LINE);
    expect(section).toContain(installSteps('bitnami-linux').setting.file);
    expect(section).toContain(installSteps('linux-nginx').setting.file);
    expect(installSteps('docker').restart.map((step) => step.command)).toContain('docker compose up -d');
    expect(section).toContain('docker compose up -d');
    expect(section).toContain(NGINX_TRY_FILES);
  });

  it('names the buttons the app has', () => {
    for (const label of ['Check forever sessions', 'Open the forever-sessions doctor', 'I\u2019ve made the change — check again']) {
      expect(section.replaceAll("'", '\u2019').replace(/\s+/g, ' ')).toContain(label);
    }
  });

  it('links the doctor’s documentation, which exists', () => {
    expect(section).toContain('(docs/forever-sessions-doctor.md)');
    expect(existsSync(join(root, 'docs', 'forever-sessions-doctor.md'))).toBe(true);
  });
});
