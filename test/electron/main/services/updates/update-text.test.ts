import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../../../../shared/secrets.ts';
import { updateErrorMessage, updaterLogger } from '../../../../../electron/main/services/updates/update-text.ts';
import { linesLogger } from './fake-updater.ts';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJl';

describe('updateErrorMessage', () => {
  it('keeps the first line, redacted, after a plain lead-in', () => {
    expect(updateErrorMessage(new Error(`Cannot download https://x.example/a.yml?token=${jwt}\nstatus 403\nheaders…`))).toBe(
      `The update check failed: Cannot download https://x.example/a.yml?token=${REDACTED}`,
    );
  });

  it('cuts a very long line', () => {
    const message = updateErrorMessage(new Error('x'.repeat(1000)));
    expect(message.length).toBeLessThan(260);
    expect(message.endsWith('…')).toBe(true);
  });

  it('copes with strings, objects, nothing and a value JSON cannot write', () => {
    expect(updateErrorMessage('ENOENT: app-update.yml')).toBe('The update check failed: ENOENT: app-update.yml');
    expect(updateErrorMessage({ code: 'E1' })).toBe('The update check failed: {"code":"E1"}');
    expect(updateErrorMessage(new Error(''))).toBe('The update check failed.');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(updateErrorMessage(loop)).toBe('The update check failed: [object Object]');
  });
});

describe('updaterLogger', () => {
  it('writes every level to our logger, marked as the updater’s', () => {
    const logger = linesLogger();
    const updater = updaterLogger(logger);
    updater.info('Checking for update');
    updater.warn({ a: 1 });
    updater.error(new Error('boom'));
    updater.debug?.('details');
    expect(logger.lines).toEqual([
      { level: 'info', message: 'updater: Checking for update' },
      { level: 'warn', message: 'updater: {"a":1}' },
      { level: 'error', message: 'updater: boom' },
      { level: 'debug', message: 'updater: details' },
    ]);
  });
});
