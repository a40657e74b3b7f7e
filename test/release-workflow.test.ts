// .github/workflows/release.yml: valid for GitHub (action-validator, offline) and doing what a release needs:
// three OSes, tests before packaging, artifacts uploaded, one DRAFT release on a tag, secrets never in a script.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string[];
  if?: string;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  strategy?: { matrix: { os: string[] } };
  steps: Step[];
}
interface Workflow {
  on: { push?: { tags?: string[] }; workflow_dispatch?: unknown };
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflowPath = fileURLToPath(new URL('../.github/workflows/release.yml', import.meta.url));
const text = readFileSync(workflowPath, 'utf8');
const workflow = load(text) as Workflow;
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((job) => job.steps);
/** A GitHub Actions expression as written in the file: ${{ inner }}. */
const expr = (inner: string) => `\${{ ${inner} }}`;
const job = (name: string): Job => {
  const found = workflow.jobs[name];
  if (found === undefined) throw new Error(`no job ${name}`);
  return found;
};

const require = createRequire(import.meta.url);
const validatorPackage = require.resolve('@action-validator/cli/package.json');
const validatorBin = (require(validatorPackage) as { bin: Record<string, string> }).bin['action-validator'] ?? '';
const validatorCli = join(dirname(validatorPackage), validatorBin);

/** `npx action-validator <file>` without npx: the same CLI, never a registry lookup. */
function actionValidator(file: string) {
  return spawnSync(process.execPath, [validatorCli, file], { encoding: 'utf8', timeout: 60_000 });
}

const temp = mkdtempSync(join(tmpdir(), 'df-desk-workflow-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('release.yml is a valid workflow', () => {
  it('action-validator accepts it', () => {
    const result = actionValidator(workflowPath);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('and rejects a broken copy (so the check above can fail)', () => {
    for (const [from, to] of [
      ['    runs-on: ubuntu-latest\n    # Debian', '    runs_on: ubuntu-latest\n    # Debian'],
      ['  workflow_dispatch:\n', '  workflow_dispatched:\n'],
    ] as const) {
      expect(text).toContain(from);
      const broken = join(temp, 'release.yml');
      writeFileSync(broken, text.replace(from, to));
      const result = actionValidator(broken);
      expect(result.status, `${to.trim()} should be refused`).toBe(1);
      expect(result.stderr).toContain('"errors"');
    }
  });
});

describe('release.yml', () => {
  it('runs on a v* tag and by hand', () => {
    expect(workflow.on.push?.tags).toEqual(['v*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('packages on Windows, macOS and Ubuntu, each independently', () => {
    expect(job('package').strategy?.matrix.os).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest']);
    expect(job('package')['runs-on']).toBe(expr('matrix.os'));
  });

  it('runs npm test the way CI does (.ci/run) and the real-app smoke test on every OS, Linux under xvfb', () => {
    expect(job('test').steps.map((step) => step.run)).toContain('bash .ci/run');
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm test$/m);
    const smoke = job('package').steps.filter((step) => step.run?.includes('npm run test:electron'));
    expect(smoke.map((step) => [step.if, step.run])).toEqual([
      ["runner.os == 'Linux'", 'xvfb-run -a npm run test:electron'],
      ["runner.os != 'Linux'", 'npm run test:electron'],
    ]);
    // A missing Electron binary fails CI instead of skipping the smoke test.
    for (const step of smoke) expect(step.env?.DF_DESK_REQUIRE_ELECTRON).toBe('1');
    const install = job('package').steps.findIndex((step) => step.run === 'node node_modules/electron/install.js');
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(job('package').steps.indexOf(smoke[0] as Step));
  });

  it('installs on Ubuntu only Debian packages that .ci/run (the README list) also installs', () => {
    const apt = job('package').steps.find((step) => step.run?.includes('apt-get install'));
    expect(apt?.if).toBe("runner.os == 'Linux'");
    const [, list = ''] = (apt?.run ?? '').split('--no-install-recommends');
    const wanted = list.split(/[\s\\]+/).filter((word) => word !== '');
    const ciRun = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    const ciPackages = (/APT_PKGS="([^"]+)"/.exec(ciRun)?.[1] ?? '').split(' ');
    expect(wanted).toEqual(expect.arrayContaining(['libsecret-1-dev', 'dbus', 'gnome-keyring', 'xvfb']));
    expect(wanted.filter((name) => !ciPackages.includes(name))).toEqual([]);
  });

  it('builds with npm run dist (always --publish never), as a release build on tags', () => {
    const dist = job('package').steps.filter((step) => step.run === 'npm run dist');
    expect(dist.map((step) => step.if)).toEqual(["runner.os == 'Windows'", "runner.os == 'macOS'", "runner.os == 'Linux'"]);
    expect(job('package').env?.DF_DESK_RELEASE).toBe(expr("startsWith(github.ref, 'refs/tags/v') && '1' || '0'"));
    expect(job('package').env?.DF_DESK_GH_OWNER).toBe(expr('github.repository_owner'));
    expect(text).not.toMatch(/--publish\s+(always|onTag|onTagOrDraft)/);
  });

  it('uploads the installers and the update files as artifacts', () => {
    const upload = job('package').steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.uses).toBe('actions/upload-artifact@v4');
    const paths = String(upload?.with?.path).trim().split('\n');
    for (const pattern of ['dist/*.exe', 'dist/*.dmg', 'dist/*.zip', 'dist/*.AppImage', 'dist/*.deb', 'dist/*.blockmap', 'dist/latest*.yml']) {
      expect(paths).toContain(pattern);
    }
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });

  it('creates one DRAFT release on a tag, only after every test and package job passed', () => {
    const release = job('release');
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release.needs).toEqual(['test', 'package']);
    const create = release.steps.find((step) => step.uses?.startsWith('softprops/action-gh-release@'));
    expect(create?.uses).toBe('softprops/action-gh-release@v2');
    expect(create?.with).toMatchObject({ draft: true, files: 'artifacts/*', fail_on_unmatched_files: true });
    expect(release.steps[0]).toMatchObject({ uses: 'actions/download-artifact@v4', with: { 'merge-multiple': true } });
  });

  it('only the release job may write: the default token is read-only', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, entry] of Object.entries(workflow.jobs)) {
      expect(entry.permissions, name).toEqual(name === 'release' ? { contents: 'write' } : undefined);
    }
  });

  it('pins every action to a major version', () => {
    const uses = steps.flatMap((step) => (step.uses === undefined ? [] : [step.uses]));
    expect(uses.length).toBeGreaterThan(5);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
  });

  it('never echoes a secret: secrets reach only step env, and no script names them', () => {
    expect(JSON.stringify(workflow.env ?? {})).not.toContain('secrets.');
    for (const entry of jobs) expect(JSON.stringify(entry.env ?? {})).not.toContain('secrets.');
    const secretNames = steps.flatMap((step) =>
      Object.entries(step.env ?? {})
        .filter(([, value]) => value.includes('secrets.'))
        .map(([name]) => name),
    );
    expect(secretNames).toEqual(expect.arrayContaining(['WIN_CSC_LINK', 'CSC_LINK', 'APPLE_APP_SPECIFIC_PASSWORD']));
    for (const step of steps) {
      const script = step.run ?? '';
      expect(script).not.toContain('secrets.');
      for (const name of secretNames) expect(script).not.toMatch(new RegExp(`\\b${name}\\b`));
      // Each secret is given as itself, never folded into another value that could be printed.
      for (const value of Object.values(step.env ?? {})) {
        if (value.includes('secrets.')) expect(value).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
      }
    }
  });
});
