// deskOpener opens the real desk the command line uses: the system keychain (the private one under npm test),
// the settings file in the chosen folder, the log where asked, and never an update check.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfLikeConstructor } from '../../electron/main/adapters/settings-store.ts';
import { deskOpener } from '../../electron/cli/host.ts';

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dfdesk-host-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('deskOpener', () => {
  it('opens an unpackaged desk (updates off) on the data folder, logging where asked', async () => {
    const dataDir = newDir();
    const logDir = join(newDir(), 'logs');
    const desk = await deskOpener({ version: '3.2.1' })({ dataDir, logDir });
    try {
      const info = await desk.api.info();
      expect(info).toMatchObject({ version: '3.2.1', packaged: false, updates: { state: 'disabled' } });
      await desk.api.instances.add({ name: 'Dev', url: 'http://127.0.0.1:9' });
    } finally {
      await desk.dispose();
    }
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
    expect(existsSync(join(logDir, 'dfdesk.log'))).toBe(true);
  });

  it('logs into the data folder when no log folder is given, with the settings class it is given', async () => {
    const dataDir = newDir();
    const { default: Conf } = await import('conf');
    const desk = await deskOpener({ version: '1.0.0', settingsStore: Conf as unknown as ConfLikeConstructor })({ dataDir });
    await desk.api.instances.add({ name: 'Dev', url: 'http://127.0.0.1:9' });
    await desk.dispose();
    expect(existsSync(join(dataDir, 'logs', 'dfdesk.log'))).toBe(true);
  });
});
