import { describe, expect, it } from 'vitest';
import { createRedactingLogger } from '../../../../electron/main/adapters/redacting-logger.ts';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.Zm9vYmFyYmF6cXV4';
const hexKey = '36fda24fe5588fa4285ac6c6c2fdfbdb6b6bc9834699774c9bf777f706d05a88';

function setup(level?: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const logger = createRedactingLogger({
    sink: (line) => lines.push(line),
    clock: { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) },
    ...(level === undefined ? {} : { level }),
  });
  return { lines, logger };
}

describe('createRedactingLogger', () => {
  it('writes one JSON line with time, level, message and fields', () => {
    const { lines, logger } = setup();
    logger.info('Instance added.', { id: 'abc', tag: 'prod' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      level: 'info',
      message: 'Instance added.',
      fields: { id: 'abc', tag: 'prod' },
    });
  });

  it('never writes a token, an API key or a password, from the message or the fields', () => {
    const { lines, logger } = setup('debug');
    logger.debug(`login answered ${jwt}`);
    logger.info('request', {
      headers: { 'X-DreamFactory-Session-Token': jwt, 'X-DreamFactory-API-Key': 'key-abc-123' },
      body: { email: 'a@b.c', password: 'pw-xyz-987' },
    });
    logger.warn('refresh failed', { error: new Error(`401 for X-DreamFactory-Session-Token: ${jwt}`) });
    logger.error('raw', { text: '{"session_token":"opaque-token-456"}', url: '/api/v2/x?api_key=key-abc-123' });
    logger.info(`stored key ${hexKey} for the instance`);
    const all = lines.join('\n');
    for (const secret of [jwt, 'key-abc-123', 'pw-xyz-987', 'opaque-token-456', hexKey]) expect(all).not.toContain(secret);
    expect(all).toContain('a@b.c');
    expect(lines).toHaveLength(5);
  });

  it('a field named like a line key cannot overwrite it', () => {
    const { lines, logger } = setup();
    logger.warn('real message', { message: 'fake', level: 'debug' });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'warn', message: 'real message', fields: { message: 'fake' } });
  });

  it('drops lines below the level, and a failing sink does not throw', () => {
    const { lines, logger } = setup('warn');
    logger.info('quiet');
    logger.error('loud');
    expect(lines.map((line) => JSON.parse(line).message)).toEqual(['loud']);
    const broken = createRedactingLogger({
      sink: () => {
        throw new Error('disk full');
      },
    });
    expect(() => broken.error('x')).not.toThrow();
  });
});
