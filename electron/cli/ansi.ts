/**
 * Colour for the pretty output: plain ANSI escapes, no dependency. NO_COLOR (any non-empty value) turns it off,
 * FORCE_COLOR turns it on even when piped ("0" or "false" turn it off), otherwise a terminal gets colour unless
 * TERM is "dumb". See https://no-color.org and https://force-color.org.
 */
import type { CliEnv } from './io.ts';

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

export function colorEnabled(stream: { readonly isTTY?: boolean }, env: CliEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const colored: Palette = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};

const same = (text: string) => text;
const plain: Palette = { bold: same, dim: same, red: same, green: same, yellow: same, cyan: same };

export function palette(enabled: boolean): Palette {
  return enabled ? colored : plain;
}
