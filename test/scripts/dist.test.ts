// `npm run dist` (scripts/dist.mjs): which arguments reach electron-builder, where the update feed points, and
// what stops a release build before anything is built.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations; its shapes are checked below.
import * as distScript from '../../scripts/dist.mjs';

type Env = Record<string, string | undefined>;
interface Repository {
  owner: string;
  repo: string;
}
interface Dist {
  parseDistArgs(argv: string[], env: Env): { release: boolean; builderArgs: string[] };
  parseGithubUrl(url: string): Repository | undefined;
  githubRepository(env: Env, gitConfigText: string | undefined): Repository | undefined;
  releaseProblems(options: { platform: NodeJS.Platform; env: Env; version: string }): string[];
  builderArguments(options: { release: boolean; builderArgs: string[] }): string[];
}
const dist = distScript as Dist;
const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

const appleIdCredentials = { APPLE_ID: 'a@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' };

describe('dist arguments', () => {
  it('a local build never publishes and does not force signing', () => {
    const parsed = dist.parseDistArgs(['--linux', 'deb'], {});
    expect(parsed).toEqual({ release: false, builderArgs: ['--linux', 'deb'] });
    expect(dist.builderArguments(parsed)).toEqual(['--config', 'electron-builder.yml', '--publish', 'never', '--linux', 'deb']);
  });

  it('--release or DF_DESK_RELEASE=1 forces code signing, and --release is not passed on', () => {
    const flag = dist.parseDistArgs(['--release', '--mac'], {});
    expect(flag).toEqual({ release: true, builderArgs: ['--mac'] });
    expect(dist.parseDistArgs([], { DF_DESK_RELEASE: '1' }).release).toBe(true);
    expect(dist.parseDistArgs([], { DF_DESK_RELEASE: '0' }).release).toBe(false);
    const args = dist.builderArguments(flag);
    expect(args).toContain('-c.forceCodeSigning=true');
    expect(args.slice(2, 4)).toEqual(['--publish', 'never']);
  });

  it("electron-builder's own CLI and config loader read that as forceCodeSigning: true on top of electron-builder.yml", async () => {
    const builder = require('electron-builder/out/builder.js') as {
      createYargs(): unknown;
      configureBuildCommand(yargs: unknown): { parse(args: string[]): unknown };
      normalizeOptions(argv: unknown): { config: string | Record<string, unknown>; publish?: string };
    };
    const configLib = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(dir: string, path: string, options: Record<string, unknown>): Promise<Record<string, unknown>>;
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const parse = (release: boolean) =>
      builder.normalizeOptions(
        builder.configureBuildCommand(builder.createYargs()).parse(dist.builderArguments({ release, builderArgs: [] })),
      );
    for (const release of [false, true]) {
      const options = parse(release);
      expect(options.publish).toBe('never');
      // A plain --config stays a path; with a -c.key=value it becomes { extends: path, key: value }.
      const { extends: configPath, ...overrides } =
        typeof options.config === 'string' ? { extends: options.config } : options.config;
      expect(configPath).toBe('electron-builder.yml');
      const config = await configLib.getConfig(root, String(configPath), overrides);
      // Validation coerces the command line's "true" into a boolean, as a real build does.
      await configLib.validateConfiguration(config, { isEnabled: false, add: () => undefined });
      expect(config.forceCodeSigning).toBe(release);
    }
  });
});

describe('the update feed repository', () => {
  it('prefers DF_DESK_GH_OWNER/REPO, then GITHUB_REPOSITORY, then the origin remote', () => {
    const git = '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:from-git/df-desk.git\n';
    expect(dist.githubRepository({ DF_DESK_GH_OWNER: 'acme', DF_DESK_GH_REPO: 'desk' }, git)).toEqual({
      owner: 'acme',
      repo: 'desk',
    });
    expect(dist.githubRepository({ GITHUB_REPOSITORY: 'ci-owner/ci-repo' }, git)).toEqual({ owner: 'ci-owner', repo: 'ci-repo' });
    expect(dist.githubRepository({}, git)).toEqual({ owner: 'from-git', repo: 'df-desk' });
  });

  it('gives up rather than guess: no variables and no GitHub origin', () => {
    expect(dist.githubRepository({ DF_DESK_GH_OWNER: 'only-owner' }, undefined)).toBeUndefined();
    expect(dist.githubRepository({}, '[remote "upstream"]\n\turl = https://github.com/a/b\n')).toBeUndefined();
    expect(dist.githubRepository({}, '[remote "origin"]\n\turl = https://gitlab.com/a/b.git\n')).toBeUndefined();
  });

  it('parses the URL forms a clone can have', () => {
    for (const url of ['https://github.com/acme/df-desk.git', 'git@github.com:acme/df-desk', 'ssh://git@github.com/acme/df-desk.git']) {
      expect(dist.parseGithubUrl(url)).toEqual({ owner: 'acme', repo: 'df-desk' });
    }
  });
});

describe('release checks', () => {
  it('a tag must be v<version>, or every update download would 404', () => {
    const env = { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.2.3' };
    expect(dist.releaseProblems({ platform: 'linux', env, version: '1.2.3' })).toEqual([]);
    expect(dist.releaseProblems({ platform: 'linux', env, version: '1.2.4' })).toEqual([
      'the tag v1.2.3 is not v1.2.4 (package.json "version")',
    ]);
    expect(dist.releaseProblems({ platform: 'linux', env: { GITHUB_REF_TYPE: 'branch' }, version: '1' })).toEqual([]);
  });

  it('macOS needs a complete set of notarisation credentials', () => {
    expect(dist.releaseProblems({ platform: 'darwin', env: {}, version: '1' })).toHaveLength(1);
    expect(dist.releaseProblems({ platform: 'darwin', env: { APPLE_ID: 'a@example.com' }, version: '1' })).toHaveLength(1);
    expect(dist.releaseProblems({ platform: 'darwin', env: appleIdCredentials, version: '1' })).toEqual([]);
    const apiKey = { APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' };
    expect(dist.releaseProblems({ platform: 'darwin', env: apiKey, version: '1' })).toEqual([]);
    expect(dist.releaseProblems({ platform: 'win32', env: {}, version: '1' })).toEqual([]);
  });

  it('the script stops before building when a release check fails', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, ['scripts/dist.mjs', '--release'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_REPOSITORY: 'acme/df-desk', GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v0.0.0-not-ours' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[dist] Not a release build:');
    expect(result.stderr).toContain('the tag v0.0.0-not-ours is not v');
    expect(result.stdout).not.toContain('vite');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
