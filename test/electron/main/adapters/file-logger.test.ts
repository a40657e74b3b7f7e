import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOG_FILE_NAME, openFileLogger, rotatedName } from '../../../../electron/main/adapters/file-logger.ts';
import { ManualClock } from '../../../fixtures/clocks.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dfdesk-log-'));
  dirs.push(dir);
  return dir;
}
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');

describe('openFileLogger', () => {
  it('creates the folder and appends redacted JSON lines, owner-only', async () => {
    const dir = join(tempDir(), 'nested', 'logs');
    const log = openFileLogger({ dir, clock: new ManualClock() });
    log.logger.info('Signed in.', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJlLXNpZ25hdHVyZQ' });
    await log.close();
    expect(log.path).toBe(join(dir, LOG_FILE_NAME));
    const [first] = lines(log.path);
    expect(first).toContain('Signed in.');
    expect(first).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    if (process.platform !== 'win32') expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('rotates past maxBytes: desk.log → desk.1.log → desk.2.log, keeping `keep` old files', async () => {
    const dir = tempDir();
    const log = openFileLogger({ dir, clock: new ManualClock(), maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) log.logger.info(`line ${String(i).padStart(2, '0')} ${'x'.repeat(40)}`);
    await log.close();
    expect(readdirSync(dir).sort()).toEqual([rotatedName(1), rotatedName(2), LOG_FILE_NAME].sort());
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(400);
    // The newest lines are in desk.log, the ones before in desk.1.log, in order.
    const current = lines(join(dir, LOG_FILE_NAME));
    expect(current.at(-1)).toContain('line 39');
    const previous = lines(join(dir, rotatedName(1)));
    const lastBefore = Number(/line (\d+)/.exec(previous.at(-1) ?? '')?.[1]);
    const firstNow = Number(/line (\d+)/.exec(current[0] ?? '')?.[1]);
    expect(firstNow).toBe(lastBefore + 1);
    expect(existsSync(join(dir, rotatedName(3)))).toBe(false);
  });

  it('a big log left by the last run is rotated on the first line, not grown', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOG_FILE_NAME), `${'old\n'.repeat(200)}`);
    const log = openFileLogger({ dir, clock: new ManualClock(), maxBytes: 500 });
    log.logger.warn('new run');
    await log.close();
    expect(lines(join(dir, LOG_FILE_NAME))).toHaveLength(1);
    expect(lines(join(dir, rotatedName(1)))).toHaveLength(200);
  });

  it('a folder it cannot create falls back to stderr instead of failing', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const log = openFileLogger({ dir: join(file, 'logs'), clock: new ManualClock() });
    expect(() => log.logger.info('still fine')).not.toThrow();
    await log.close();
    expect(String(stderr.mock.calls[0]?.[0])).toContain('still fine');
    stderr.mockRestore();
  });

  it('another file name rotates on its own: dfdesk.log → dfdesk.1.log', async () => {
    const dir = tempDir();
    const log = openFileLogger({ dir, clock: new ManualClock(), maxBytes: 200, keep: 1, fileName: 'dfdesk.log' });
    for (let i = 0; i < 10; i++) log.logger.info(`line ${i} ${'y'.repeat(40)}`);
    await log.close();
    expect(readdirSync(dir).sort()).toEqual(['dfdesk.1.log', 'dfdesk.log']);
    expect(rotatedName(2, 'dfdesk.log')).toBe('dfdesk.2.log');
  });
});
