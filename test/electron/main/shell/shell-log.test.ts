import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../../electron/main/ports.ts';
import { createShellLog } from '../../../../electron/main/shell/shell-log.ts';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  return { warnings, debug: ignore, info: ignore, error: ignore, warn: (message) => warnings.push(message) };
}

const messagesOf = (lines: string[]) => lines.map((line) => (JSON.parse(line) as { message: string }).message);

describe('createShellLog', () => {
  it('holds lines until the desk logger is attached, then writes them first, in order, and later ones straight', () => {
    const fallback: string[] = [];
    const log = createShellLog((line) => fallback.push(line));
    const desk = recordingLogger();
    log.warn('one');
    log.warn('two');
    expect(desk.warnings).toEqual([]);
    log.attach(desk);
    log.warn('three');
    expect(desk.warnings).toEqual(['one', 'two', 'three']);
    expect(fallback).toEqual([]);
  });

  it('keeps the first logger: a later attach or switchToFallback changes nothing', () => {
    const fallback: string[] = [];
    const log = createShellLog((line) => fallback.push(line));
    const desk = recordingLogger();
    log.attach(desk);
    log.attach(recordingLogger());
    log.switchToFallback();
    log.warn('x');
    expect(desk.warnings).toEqual(['x']);
    expect(fallback).toEqual([]);
  });

  it('without a desk, switchToFallback writes the held and later lines as redacted JSON to the fallback sink', () => {
    const fallback: string[] = [];
    const log = createShellLog((line) => fallback.push(line));
    const key = 'cd'.repeat(32);
    log.warn(`held with key ${key}`);
    log.switchToFallback();
    log.warn('after');
    const messages = messagesOf(fallback);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('held with key');
    expect(messages[0]).not.toContain(key);
    expect(messages[1]).toBe('after');
  });

  it('holds at most 100 lines and says how many it dropped', () => {
    const log = createShellLog(() => undefined);
    for (let i = 0; i < 130; i++) log.warn(`line ${i}`);
    const desk = recordingLogger();
    log.attach(desk);
    expect(desk.warnings).toHaveLength(101);
    expect(desk.warnings[99]).toBe('line 99');
    expect(desk.warnings[100]).toBe('30 earlier shell warnings were dropped before the log was ready.');
  });
});
