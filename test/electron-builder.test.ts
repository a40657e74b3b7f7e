import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// electron-builder's own macro expander, for artifactName and the publish entry.
const { expandMacro } = require('app-builder-lib/out/util/macroExpander.js') as {
  expandMacro(pattern: string, arch: string | null, appInfo: object, extra?: Record<string, string>): string;
};
const appInfo = { version: '0.1.0', productName: 'DF Desk', sanitizedProductName: 'DF Desk' };

/**
 * electron-builder's own JSON schema for its configuration (draft-07), from the app-builder-lib that
 * electron-builder itself loads. electron-builder validates with `strict: false` and coerceTypes; this test
 * does not coerce, so a "true" string where a boolean belongs fails here even though a build would accept it.
 */
const schemaPath = require.resolve('app-builder-lib/scheme.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true }).compile(schema);

function schemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
}

function get(config: unknown, path: string): unknown {
  let node: unknown = config;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const configText = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');
// js-yaml, as electron-builder reads the file: it also throws on a duplicated key instead of keeping the last.
const config: unknown = load(configText);

describe('the schema check', () => {
  it('uses the schema of the app-builder-lib that this electron-builder depends on', () => {
    const builder = require('electron-builder/package.json') as { dependencies: Record<string, string> };
    const lib = require('app-builder-lib/package.json') as { version: string };
    expect(builder.dependencies['app-builder-lib']).toBe(lib.version);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('electron-builder.yml matches it', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('fails an unknown top-level key', () => {
    expect(schemaErrors({ ...(config as object), asarUnpak: ['node_modules/keytar/**'] })).toEqual([
      '/ must NOT have additional properties',
    ]);
  });

  it('fails a wrong type or a misspelled fuse, not just unknown keys', () => {
    expect(schemaErrors({ ...(config as object), asar: 'yes' })).toContain('/asar must be null,boolean');
    const fuses = get(config, 'electronFuses') as object;
    expect(schemaErrors({ ...(config as object), electronFuses: { ...fuses, runAsNode: 'false' } })).toContain(
      '/electronFuses/runAsNode must be boolean',
    );
    expect(schemaErrors({ ...(config as object), electronFuses: { ...fuses, runAsnode: false } })).toContain(
      '/electronFuses must NOT have additional properties',
    );
  });

  it('the YAML reader refuses a duplicated key (which would silently override a security setting)', () => {
    expect(() => load('asar: true\nasar: false\n')).toThrow(/duplicated mapping key/);
  });
});

describe('electron-builder.yml', () => {
  it('identifies the app', () => {
    expect(get(config, 'appId')).toBe('dev.dfdesk.app');
    expect(get(config, 'productName')).toBe('DF Desk');
  });

  it('writes to dist and takes resources from a tracked folder (build/ is gitignored output)', () => {
    expect(get(config, 'directories.output')).toBe('dist');
    expect(get(config, 'directories.buildResources')).toBe('build-resources');
    const gitignore = readFileSync(new URL('../.gitignore', import.meta.url), 'utf8').split('\n');
    expect(gitignore).not.toContain('build-resources/');
  });

  it('packages the build output and package.json, without source maps', () => {
    const files = get(config, 'files');
    expect(files).toEqual(expect.arrayContaining(['build/**', 'package.json', '!build/**/*.map']));
  });

  it('packs into asar and unpacks keytar (a native module cannot load from asar)', () => {
    expect(get(config, 'asar')).toBe(true);
    expect(get(config, 'asarUnpack')).toEqual(['node_modules/keytar/**']);
  });

  it('sets the hardening fuses', () => {
    expect(get(config, 'electronFuses')).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets nsis, dmg + zip (electron-updater installs macOS updates from the zip), AppImage and deb', () => {
    expect(get(config, 'win.target')).toEqual(['nsis']);
    expect(get(config, 'mac.target')).toEqual(['dmg', 'zip']);
    expect(get(config, 'linux.target')).toEqual(['AppImage', 'deb']);
  });

  it('deb depends on libsecret and recommends (not requires) a Secret Service, keeping electron-builder defaults', () => {
    const depends = get(config, 'deb.depends');
    expect(depends).not.toContain('gnome-keyring | kwalletmanager');
    expect((depends as string[]).filter((name) => /keyring|kwallet/.test(name))).toEqual([]);
    expect(get(config, 'deb.recommends')).toEqual(['gnome-keyring | kwalletmanager']);
    expect(depends).toEqual(
      expect.arrayContaining([
        'libsecret-1-0',
        'libgtk-3-0',
        'libnotify4',
        'libnss3',
        'libxss1',
        'libxtst6',
        'xdg-utils',
        'libatspi2.0-0',
        'libuuid1',
      ]),
    );
    expect(get(config, 'linux.maintainer')).toMatch(/<[^@\s]+@[^>\s]+>/);
  });

  it('links Linux windows to their .desktop entry: desktopName (the app_id) matches the installed file', () => {
    expect(get(config, 'linux.syncDesktopName')).toBe(true);
    expect(get(config, 'extraMetadata.desktopName')).toBe(`${String(get(config, 'linux.executableName'))}.desktop`);
  });

  it('names artifacts without spaces: name, version, platform and arch, as electron-builder expands them', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder macros, expanded by electron-builder.
    expect(get(config, 'artifactName')).toBe('df-desk-${version}-${os}-${arch}.${ext}');
    const expand = (os: string, arch: string, ext: string) => expandMacro(String(get(config, 'artifactName')), arch, appInfo, { os, ext });
    expect(expand('linux', 'x86_64', 'AppImage')).toBe('df-desk-0.1.0-linux-x86_64.AppImage');
    expect(expand('win', 'x64', 'exe')).toBe('df-desk-0.1.0-win-x64.exe');
    expect(expand('mac', 'arm64', 'zip')).toBe('df-desk-0.1.0-mac-arm64.zip');
  });

  it('points electron-updater at GitHub Releases, with owner and repo from the environment, as drafts', () => {
    const env = (name: string) => `\${env.${name}}`;
    expect(get(config, 'publish')).toEqual([
      { provider: 'github', owner: env('DF_DESK_GH_OWNER'), repo: env('DF_DESK_GH_REPO'), releaseType: 'draft' },
    ]);
    const [feed] = get(config, 'publish') as Record<string, string>[];
    const saved = { owner: process.env.DF_DESK_GH_OWNER, repo: process.env.DF_DESK_GH_REPO };
    try {
      delete process.env.DF_DESK_GH_OWNER;
      // Unset, electron-builder refuses to build instead of writing a feed to nowhere; dist.mjs always sets it.
      expect(() => expandMacro(feed?.owner ?? '', null, appInfo)).toThrow(/env DF_DESK_GH_OWNER is not defined/);
      process.env.DF_DESK_GH_OWNER = 'acme';
      process.env.DF_DESK_GH_REPO = 'df-desk';
      expect([expandMacro(feed?.owner ?? '', null, appInfo), expandMacro(feed?.repo ?? '', null, appInfo)]).toEqual(['acme', 'df-desk']);
    } finally {
      for (const [key, value] of Object.entries({ DF_DESK_GH_OWNER: saved.owner, DF_DESK_GH_REPO: saved.repo })) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('never publishes by itself: dist.mjs passes --publish never, and no credential is in the file', () => {
    const dist = readFileSync(new URL('../scripts/dist.mjs', import.meta.url), 'utf8');
    expect(dist).toContain("'--publish', 'never'");
    expect(configText).not.toMatch(/\b(token|password|cscLink|cscKeyPassword|certificatePassword)\s*:/i);
  });

  it('signs only when a release build asks: forceCodeSigning off here, notarisation on for macOS', () => {
    expect(get(config, 'forceCodeSigning')).toBe(false);
    expect(get(config, 'mac.notarize')).toBe(true);
    expect(get(config, 'mac.hardenedRuntime')).toBe(true);
    expect(schemaErrors({ ...(config as object), mac: { ...(get(config, 'mac') as object), notarize: { teamId: 'T' } } })).toContain(
      '/mac/notarize must be boolean',
    );
  });

  it('points every platform at an icon that exists', () => {
    for (const platform of ['win', 'mac', 'linux']) {
      const icon = get(config, `${platform}.icon`);
      expect(typeof icon).toBe('string');
      expect(() => readFileSync(new URL(`../${String(icon)}`, import.meta.url))).not.toThrow();
    }
  });
});

describe('build-resources/icon.png', () => {
  const png = readFileSync(new URL('../build-resources/icon.png', import.meta.url));

  it('is a 512×512 RGBA PNG (electron-builder needs ≥512 for macOS)', () => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[24]).toBe(8);
    expect(png[25]).toBe(6);
  });

  it('decodes, is opaque in the middle and transparent in the corner', () => {
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('ascii', 37, 41)).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    const stride = 1 + 512 * 4;
    expect(raw.length).toBe(512 * stride);
    const alpha = (x: number, y: number) => raw[y * stride + 1 + x * 4 + 3];
    expect(alpha(256, 256)).toBe(255);
    expect(alpha(0, 0)).toBe(0);
  });
});
