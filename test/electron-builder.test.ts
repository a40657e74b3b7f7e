import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

/**
 * Parses the block-YAML subset electron-builder.yml is kept to: nested maps, lists of scalars, quoted or plain
 * scalars, comments. Anything else (flow collections, anchors, multi-line strings) throws, so the test fails
 * instead of silently misreading the file.
 */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#' && (k === 0 || /\s/.test(line[k - 1] ?? ''))) {
      return line.slice(0, k).trimEnd();
    }
  }
  return line;
}

function parseYamlSubset(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((raw, index) => ({ raw: stripComment(raw), n: index + 1 }))
    .filter((l) => l.raw.trim() !== '')
    .map((l) => ({ indent: l.raw.length - l.raw.trimStart().length, content: l.raw.trim(), n: l.n }));
  let i = 0;

  function scalar(value: string, n: number): Yaml {
    if (/^[[{&*!|>]/.test(value)) throw new Error(`line ${n}: unsupported YAML "${value}"`);
    if (/^".*"$/.test(value)) return JSON.parse(value) as string;
    if (/^'.*'$/.test(value)) return value.slice(1, -1).replace(/''/g, "'");
    if (value === 'true') return true;
    if (value === 'false') return false;
    if (value === 'null' || value === '~') return null;
    if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    return value;
  }

  function block(indent: number): Yaml {
    const first = lines[i];
    if (first === undefined) return null;
    if (first.content.startsWith('- ')) {
      const list: Yaml[] = [];
      while (lines[i] !== undefined && lines[i]?.indent === indent && lines[i]?.content.startsWith('- ')) {
        const line = lines[i] as (typeof lines)[number];
        const item = line.content.slice(2).trim();
        if (/^[\w.-]+:(\s|$)/.test(item) && !/^["']/.test(item)) throw new Error(`line ${line.n}: maps in lists unsupported`);
        list.push(scalar(item, line.n));
        i++;
      }
      return list;
    }
    const map: { [key: string]: Yaml } = {};
    while (lines[i] !== undefined && lines[i]?.indent === indent) {
      const line = lines[i] as (typeof lines)[number];
      const match = /^([\w.-]+):(?:\s+(.*))?$/.exec(line.content);
      if (match === null) throw new Error(`line ${line.n}: cannot parse "${line.content}"`);
      const key = match[1] as string;
      if (key in map) throw new Error(`line ${line.n}: duplicate key ${key}`);
      i++;
      const rest = match[2];
      if (rest !== undefined && rest !== '') {
        map[key] = scalar(rest, line.n);
      } else {
        const next = lines[i];
        // A list may sit at the same indent as its key (YAML allows it) or deeper.
        const nested = next !== undefined && (next.indent > indent || (next.indent === indent && next.content.startsWith('- ')));
        map[key] = nested && next !== undefined ? block(next.indent) : null;
      }
    }
    return map;
  }

  const result = block(0);
  const leftover = lines[i];
  if (leftover !== undefined) throw new Error(`line ${leftover.n}: unexpected indentation`);
  return result;
}

function get(config: Yaml, path: string): Yaml | undefined {
  let node: Yaml | undefined = config;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = node[key];
  }
  return node;
}

const config = parseYamlSubset(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8'));

describe('the YAML subset parser', () => {
  it('reads maps, lists and scalars', () => {
    expect(parseYamlSubset('a: 1\nb:\n  c: "x # y"\n  d:\n    - e\n    - \'f g\'\nh: true # c\n')).toEqual({
      a: 1,
      b: { c: 'x # y', d: ['e', 'f g'] },
      h: true,
    });
  });
  it('refuses what it does not understand', () => {
    expect(() => parseYamlSubset('a: [1, 2]\n')).toThrow(/unsupported/);
    expect(() => parseYamlSubset('a: &x 1\n')).toThrow(/unsupported/);
    expect(() => parseYamlSubset('a: 1\na: 2\n')).toThrow(/duplicate/);
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

  it('targets nsis, dmg, AppImage and deb', () => {
    expect(get(config, 'win.target')).toEqual(['nsis']);
    expect(get(config, 'mac.target')).toEqual(['dmg']);
    expect(get(config, 'linux.target')).toEqual(['AppImage', 'deb']);
  });

  it('deb depends on libsecret and a Secret Service, and keeps electron-builder defaults', () => {
    const depends = get(config, 'deb.depends');
    expect(depends).toEqual(
      expect.arrayContaining([
        'libsecret-1-0',
        'gnome-keyring | kwalletmanager',
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

  it('never publishes on its own', () => {
    expect(get(config, 'publish')).toBeNull();
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
