/**
 * How a command's result reaches the user: pretty, coloured lines on a terminal; plain JSON when stdout is piped
 * or with --json, so `dfdesk … | jq` works without a flag. stdout carries only the result; notes, warnings and
 * errors go to stderr, so a pipe never gets them.
 */
import { colorEnabled, type Palette, palette } from './ansi.ts';
import type { CliEnv, CliWritable } from './io.ts';

export type Tone = 'ok' | 'bad' | 'warn' | 'info';

export interface Output {
  /** True: print `json()` only. False: print lines for a person. */
  readonly json: boolean;
  /** Colours for stdout's pretty lines (plain when colour is off). */
  readonly color: Palette;
  /** One JSON document on stdout. */
  data(value: unknown): void;
  /** One pretty line on stdout. */
  line(text?: string): void;
  /** A line for the person on stderr (never part of the result). */
  note(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  tone(tone: Tone, text: string): string;
}

export interface OutputOptions {
  stdout: CliWritable;
  stderr: CliWritable;
  env: CliEnv;
  /** --json */
  json?: boolean;
}

export function createOutput({ stdout, stderr, env, json }: OutputOptions): Output {
  const asJson = json === true || stdout.isTTY !== true;
  const color = palette(colorEnabled(stdout, env));
  const errColor = palette(colorEnabled(stderr, env));
  const toned = (colors: Palette, tone: Tone, text: string) => {
    if (tone === 'ok') return colors.green(text);
    if (tone === 'bad') return colors.red(text);
    if (tone === 'warn') return colors.yellow(text);
    return text;
  };
  return {
    json: asJson,
    color,
    data: (value) => {
      stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    line: (text = '') => {
      stdout.write(`${text}\n`);
    },
    note: (text) => {
      stderr.write(`${errColor.dim(text)}\n`);
    },
    warn: (text) => {
      stderr.write(`${errColor.yellow(text)}\n`);
    },
    error: (text) => {
      stderr.write(`${errColor.red(`dfdesk: ${text}`)}\n`);
    },
    tone: (tone, text) => toned(color, tone, text),
  };
}
