// `npm run dist`: builds everything (`npm run build`), then packages with electron-builder using
// electron-builder.yml. Extra arguments go to electron-builder (e.g. `npm run dist -- --linux deb`).
// `--release` (or DF_DESK_RELEASE=1) makes a release build: code signing is forced (an unsigned build fails),
// macOS needs notarisation credentials, and on a tag the tag must be v<package.json version>.
// Packaging downloads the Electron zip from GitHub, so it needs internet access. It never publishes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Splits our own flag off; everything else is electron-builder's. */
export function parseDistArgs(argv, env) {
  const release = argv.includes('--release') || env.DF_DESK_RELEASE === '1';
  return { release, builderArgs: argv.filter((arg) => arg !== '--release') };
}

/** owner/name from a GitHub remote URL (https, ssh or git@), else undefined. */
export function parseGithubUrl(url) {
  const match = /github\.com[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? { owner: match[1], repo: match[2] } : undefined;
}

/**
 * The repository electron-updater reads releases from (electron-builder.yml expands DF_DESK_GH_OWNER/REPO):
 * the variables themselves, else GITHUB_REPOSITORY (set on every Actions runner), else the origin remote in
 * .git/config, the same place electron-builder itself would look.
 */
export function githubRepository(env, gitConfigText) {
  if (env.DF_DESK_GH_OWNER && env.DF_DESK_GH_REPO) return { owner: env.DF_DESK_GH_OWNER, repo: env.DF_DESK_GH_REPO };
  const slug = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (slug) return { owner: slug[1], repo: slug[2] };
  if (gitConfigText === undefined) return undefined;
  const lines = gitConfigText.split(/\r?\n/);
  const section = lines.findIndex((line) => line.trim() === '[remote "origin"]');
  if (section === -1) return undefined;
  for (const line of lines.slice(section + 1)) {
    if (line.trim().startsWith('[')) break;
    const url = /^\s*url\s*=\s*(.+)$/.exec(line);
    if (url) return parseGithubUrl(url[1]);
  }
  return undefined;
}

const notarisationSets = [
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_KEYCHAIN_PROFILE'],
];

/** Why a release build must not start here; empty when it may. Checked before the build, so it fails in a second. */
export function releaseProblems({ platform, env, version }) {
  const problems = [];
  if (env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME !== `v${version}`) {
    // electron-updater downloads from releases/download/v<version>/: any other tag name breaks every update.
    problems.push(`the tag ${env.GITHUB_REF_NAME} is not v${version} (package.json "version")`);
  }
  if (platform === 'darwin' && !notarisationSets.some((set) => set.every((name) => Boolean(env[name])))) {
    // electron-builder only warns and skips notarisation; Gatekeeper would then refuse the app and its updates.
    problems.push(
      'macOS releases are notarised: set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID ' +
        '(or APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER)',
    );
  }
  return problems;
}

export function builderArguments({ release, builderArgs }) {
  // --publish never: uploading is the release workflow's job, after every test passed.
  const base = ['--config', 'electron-builder.yml', '--publish', 'never'];
  return [...base, ...(release ? ['-c.forceCodeSigning=true'] : []), ...builderArgs];
}

function readGitConfig() {
  try {
    return readFileSync(join(root, '.git', 'config'), 'utf8');
  } catch {
    // Not a plain clone (a tarball, or a worktree whose .git is a file): only the variables can tell.
    return undefined;
  }
}

function fail(lines) {
  for (const line of lines) console.error(`[dist] ${line}`);
  process.exit(1);
}

function main() {
  const onWindows = process.platform === 'win32';
  const builder = join(root, 'node_modules', '.bin', onWindows ? 'electron-builder.cmd' : 'electron-builder');
  // Every check runs first, so a missing tool or secret fails in a second, not after a full build.
  if (!existsSync(builder)) fail(['electron-builder is not installed. Add it: npm install -D electron-builder@^26']);

  const { release, builderArgs } = parseDistArgs(process.argv.slice(2), process.env);
  const repository = githubRepository(process.env, readGitConfig());
  if (repository === undefined) {
    fail([
      'Cannot tell which GitHub repository the app should update from.',
      'Set DF_DESK_GH_OWNER and DF_DESK_GH_REPO (e.g. DF_DESK_GH_OWNER=acme DF_DESK_GH_REPO=df-desk).',
    ]);
  }
  if (release) {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const problems = releaseProblems({ platform: process.platform, env: process.env, version });
    if (problems.length > 0) fail(['Not a release build:', ...problems.map((problem) => `- ${problem}`)]);
  }

  const env = { ...process.env, DF_DESK_GH_OWNER: repository.owner, DF_DESK_GH_REPO: repository.repo };
  const run = (command, args) =>
    spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: onWindows, env }).status ?? 1;
  const built = run(onWindows ? 'npm.cmd' : 'npm', ['run', '-s', 'build']);
  if (built !== 0) process.exit(built);
  console.log(`[dist] ${release ? 'release' : 'local'} build; updates from github.com/${repository.owner}/${repository.repo}`);
  process.exit(run(builder, builderArguments({ release, builderArgs })));
}

// Run as a script, not when a test imports the functions above (Windows may spell the drive letter either way).
const entry = process.argv[1] === undefined ? '' : resolve(process.argv[1]);
const self = fileURLToPath(import.meta.url);
if (process.platform === 'win32' ? entry.toLowerCase() === self.toLowerCase() : entry === self) main();
