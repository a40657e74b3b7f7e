import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createWindowStateStore,
  parseWindowState,
  serialiseWindowState,
  windowStateFileName,
} from '../../../../electron/main/shell/window-state-store.ts';
import type { WindowState } from '../../../../electron/main/shell/window-state.ts';
import { onCleanup } from '../../../fixtures/cleanup.ts';

const state: WindowState = { bounds: { x: -1800, y: 40, width: 1400, height: 900 }, maximized: true };

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'window-state-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const lines: string[] = [];
  const store = createWindowStateStore(dir, (line) => lines.push(line));
  return { dir, file: join(dir, windowStateFileName), store, lines };
}

describe('parseWindowState', () => {
  it('accepts what serialiseWindowState writes', () => {
    expect(parseWindowState(JSON.parse(serialiseWindowState(state)))).toEqual(state);
  });

  it.each([
    ['not an object', 42],
    ['an array', [1, 2]],
    ['another version', { version: 2, bounds: state.bounds, maximized: false }],
    ['no maximised flag', { version: 1, bounds: state.bounds }],
    ['a string coordinate', { version: 1, bounds: { ...state.bounds, x: '10' }, maximized: false }],
    ['a fractional size', { version: 1, bounds: { ...state.bounds, width: 10.5 }, maximized: false }],
    ['a zero height', { version: 1, bounds: { ...state.bounds, height: 0 }, maximized: false }],
    ['a far-off position', { version: 1, bounds: { ...state.bounds, x: 1e9 }, maximized: false }],
    ['an infinite size', { version: 1, bounds: { ...state.bounds, width: Number.POSITIVE_INFINITY }, maximized: false }],
  ])('rejects %s', (_what, document) => {
    expect(parseWindowState(document)).toBeNull();
  });

  it('drops unknown fields', () => {
    const document = { version: 1, bounds: { ...state.bounds, extra: 1 }, maximized: false, other: 'x' };
    expect(parseWindowState(document)).toEqual({ bounds: state.bounds, maximized: false });
  });
});

describe('createWindowStateStore', () => {
  it('has nothing, and says nothing, on the first run', () => {
    const { store, lines } = setup();
    expect(store.load()).toBeNull();
    expect(lines).toEqual([]);
  });

  it('reads back what it saved, leaving no temporary file', () => {
    const { store, dir, file } = setup();
    store.save(state);
    expect(store.load()).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });
    expect(existsSync(join(dir, `${windowStateFileName}.tmp`))).toBe(false);
    store.save({ ...state, maximized: false });
    expect(store.load()?.maximized).toBe(false);
  });

  it('falls back to defaults, with a log line, on a corrupt or tampered file', () => {
    const { store, file, lines } = setup();
    writeFileSync(file, '{"version":1,"bounds":');
    expect(store.load()).toBeNull();
    writeFileSync(file, JSON.stringify({ version: 1, bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false }));
    expect(store.load()).toBeNull();
    expect(lines).toEqual([
      'window-state.json is not valid JSON; the window opens at its default size.',
      'window-state.json has unexpected contents; the window opens at its default size.',
    ]);
  });

  it('never throws when the file cannot be read or written', () => {
    const { dir, file, lines } = setup();
    // A directory where the file should be: reading and replacing it both fail.
    mkdirSync(file);
    writeFileSync(join(file, 'keep'), '');
    const store = createWindowStateStore(dir, (line) => lines.push(line));
    expect(store.load()).toBeNull();
    expect(() => store.save(state)).not.toThrow();
    expect(lines[0]).toMatch(/^Could not read window-state\.json: /);
    expect(lines[1]).toMatch(/^Could not save the window's position: /);
  });
});
