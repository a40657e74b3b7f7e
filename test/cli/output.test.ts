import { describe, expect, it } from 'vitest';
import { createOutput } from '../../electron/cli/output.ts';
import { capture } from './fixtures/cli-harness.ts';

function outputOn(tty: boolean, options: { json?: boolean; env?: Record<string, string> } = {}) {
  const stdout = capture(tty);
  const stderr = capture(tty);
  const out = createOutput({ stdout, stderr, env: options.env ?? {}, json: options.json });
  return { out, stdout, stderr };
}

describe('createOutput', () => {
  it('is pretty on a terminal and JSON when piped or asked for', () => {
    expect(outputOn(true).out.json).toBe(false);
    expect(outputOn(false).out.json).toBe(true);
    expect(outputOn(true, { json: true }).out.json).toBe(true);
  });

  it('writes the result to stdout and everything else to stderr', () => {
    const { out, stdout, stderr } = outputOn(false);
    out.data({ a: 1 });
    out.line('plain');
    out.note('a note');
    out.warn('a warning');
    out.error('it failed');
    expect(JSON.parse(stdout.text.split('plain')[0] ?? '')).toEqual({ a: 1 });
    expect(stdout.text).toContain('plain\n');
    expect(stderr.text).toBe('a note\na warning\ndfdesk: it failed\n');
  });

  it('colours tones only where colour is on', () => {
    expect(outputOn(true).out.tone('ok', 'fine')).toBe('\u001b[32mfine\u001b[39m');
    expect(outputOn(true).out.tone('info', 'fine')).toBe('fine');
    expect(outputOn(true, { env: { NO_COLOR: '1' } }).out.tone('bad', 'no')).toBe('no');
    expect(outputOn(false).out.tone('warn', 'hm')).toBe('hm');
  });

  it('colours stderr by its own terminal', () => {
    const stdout = capture(false);
    const stderr = capture(true);
    createOutput({ stdout, stderr, env: {} }).error('x');
    expect(stderr.text).toBe('\u001b[31mdfdesk: x\u001b[39m\n');
  });
});
