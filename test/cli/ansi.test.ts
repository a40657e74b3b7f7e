import { describe, expect, it } from 'vitest';
import { colorEnabled, palette } from '../../electron/cli/ansi.ts';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colorEnabled', () => {
  it('colours a terminal and not a pipe', () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(pipe, {})).toBe(false);
  });

  it('honours NO_COLOR (any non-empty value) over everything', () => {
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('honours FORCE_COLOR, also for a pipe, unless it says 0 or false', () => {
    expect(colorEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(colorEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(tty, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('leaves a dumb terminal plain', () => {
    expect(colorEnabled(tty, { TERM: 'dumb' })).toBe(false);
  });
});

describe('palette', () => {
  it('wraps in ANSI escapes when on, and returns the text as it is when off', () => {
    expect(palette(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(palette(true).bold('x')).toBe('\u001b[1mx\u001b[22m');
    const plain = palette(false);
    for (const paint of [plain.bold, plain.dim, plain.red, plain.green, plain.yellow, plain.cyan]) expect(paint('x')).toBe('x');
  });
});
