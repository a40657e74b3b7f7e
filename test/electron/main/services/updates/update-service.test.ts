import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../../../shared/ipc/contract.ts';
import { isDeskError } from '../../../../../shared/ipc/desk-error.ts';
import { REDACTED } from '../../../../../shared/secrets.ts';
import { UpdateService, type UpdateServiceOptions } from '../../../../../electron/main/services/updates/update-service.ts';
import { ManualClock, ManualTimers } from '../../../../fixtures/clocks.ts';
import { FakeUpdater, linesLogger } from './fake-updater.ts';

const hour = 60 * 60_000;
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJl';

function setup(overrides: Partial<UpdateServiceOptions> = {}) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const updater = new FakeUpdater();
  const logger = linesLogger();
  const service = new UpdateService({ updater, packaged: true, logger, clock, timers, ...overrides });
  const seen: UpdateStatus[] = [];
  service.onChange((status) => seen.push(status));
  return { clock, timers, updater, logger, service, seen };
}

/** A feed that has `version` and downloads it at once. */
function feedWith(version: string) {
  return async (updater: FakeUpdater) => {
    updater.emit('checking-for-update');
    updater.emit('update-available', { version });
    updater.emit('download-progress', { percent: 41.7 });
    updater.emit('download-progress', { percent: 41.9 });
    updater.emit('update-downloaded', { version });
    return { updateInfo: { version } };
  };
}

describe('UpdateService: builds that never update', () => {
  it('a development build is disabled, checks nothing and arms no timer', async () => {
    const { updater, service, timers } = setup({ packaged: false });
    service.start();
    expect(service.status()).toEqual({ state: 'disabled', message: 'Updates are off in development builds.' });
    expect(await service.checkNow()).toEqual(service.status());
    expect(updater.checks).toBe(0);
    expect(updater.listenerCount()).toBe(0);
    expect(timers.pending.size).toBe(0);
  });

  it('a packaged build without an updater is disabled with its own reason', () => {
    const { service } = setup({ updater: undefined });
    expect(service.status()).toEqual({ state: 'disabled', message: 'This build of DF Desk does not update itself.' });
  });

  it('restart is refused when disabled', () => {
    const { service, updater } = setup({ packaged: false });
    expect(() => service.restartToUpdate()).toThrow(expect.objectContaining({ kind: 'refused' }));
    expect(updater.installs).toBe(0);
  });
});

describe('UpdateService: a packaged build', () => {
  it('sets the updater up: download in the background, install on quit, our logger', () => {
    const { updater, service, logger } = setup();
    expect(service.status()).toEqual({ state: 'idle' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    updater.logger?.info('Checking for update');
    updater.logger?.error(new Error(`Bad feed ?token=${jwt}`));
    expect(logger.lines.map((line) => line.message)).toEqual(['updater: Checking for update', `updater: Bad feed ?token=${jwt}`]);
  });

  it('checkNow walks checking → available → downloading → ready and answers ready', async () => {
    const { updater, service, seen } = setup();
    updater.onCheck = feedWith('1.4.0');
    expect(await service.checkNow()).toEqual({ state: 'ready', version: '1.4.0' });
    expect(seen).toEqual([
      { state: 'checking' },
      { state: 'available', version: '1.4.0' },
      { state: 'downloading', version: '1.4.0', percent: 41 },
      { state: 'ready', version: '1.4.0' },
    ]);
  });

  it('answers up-to-date with the time of the check', async () => {
    const { updater, service, clock } = setup();
    updater.onCheck = async (u) => u.emit('update-not-available', { version: '0.1.0' });
    expect(await service.checkNow()).toEqual({ state: 'up-to-date', checkedAt: clock.t });
  });

  it('a check that fails resolves with error, in plain, redacted words without the response dump', async () => {
    const { updater, service, logger } = setup();
    updater.onCheck = async () => {
      throw new Error(`HttpError: 404 Not Found https://updates.example/latest.yml?token=${jwt}\nHeaders: {"x": "y"}`);
    };
    const outcome = await service.checkNow();
    expect(outcome.state).toBe('error');
    const message = outcome.state === 'error' ? outcome.message : '';
    expect(message).toBe(`The update check failed: HttpError: 404 Not Found https://updates.example/latest.yml?token=${REDACTED}`);
    expect(message).not.toContain('Headers');
    expect(logger.lines.some((line) => line.level === 'warn' && line.message === 'Update check failed.')).toBe(true);
  });

  it('an error event during the download is shown, and a later check starts again', async () => {
    const { updater, service } = setup();
    updater.onCheck = async (u) => u.emit('update-available', { version: '2.0.0' });
    await service.checkNow();
    updater.emit('error', new Error('net::ERR_CONNECTION_RESET'));
    expect(service.status()).toEqual({ state: 'error', message: 'The update check failed: net::ERR_CONNECTION_RESET' });
    updater.onCheck = feedWith('2.0.0');
    expect((await service.checkNow()).state).toBe('ready');
    expect(updater.checks).toBe(2);
  });

  it('one failure reported twice (error event and rejection) is logged once', async () => {
    const { updater, service, logger } = setup();
    updater.onCheck = async (u) => {
      const failure = new Error('net::ERR_NAME_NOT_RESOLVED');
      u.emit('error', failure);
      throw failure;
    };
    expect((await service.checkNow()).state).toBe('error');
    expect(logger.lines.filter((line) => line.message === 'Update check failed.')).toHaveLength(1);
  });

  it('a check electron-updater skipped (no event at all) does not stay "checking"', async () => {
    const { service } = setup();
    expect(await service.checkNow()).toEqual({ state: 'error', message: 'The update check failed: The update feed gave no answer.' });
  });

  it('two checks at once share one request to the feed', async () => {
    const { updater, service } = setup();
    let answer: () => void = () => undefined;
    updater.onCheck = (u) =>
      new Promise((resolve) => {
        answer = () => {
          u.emit('update-not-available', { version: '0.1.0' });
          resolve(null);
        };
      });
    const first = service.checkNow();
    const second = service.checkNow();
    answer();
    expect(await first).toEqual(await second);
    expect(updater.checks).toBe(1);
  });

  it('once an update is found or ready, checking again does not ask the feed (it would restart the download)', async () => {
    const { updater, service } = setup();
    updater.onCheck = feedWith('1.4.0');
    await service.checkNow();
    expect(await service.checkNow()).toEqual({ state: 'ready', version: '1.4.0' });
    expect(updater.checks).toBe(1);
  });

  it('a failure after the download keeps the update installable', async () => {
    const { updater, service } = setup();
    updater.onCheck = feedWith('1.4.0');
    await service.checkNow();
    updater.emit('error', new Error('late'));
    updater.emit('download-progress', { percent: 100 });
    expect(service.status()).toEqual({ state: 'ready', version: '1.4.0' });
  });

  it('clamps odd progress numbers', () => {
    const { updater, service } = setup();
    updater.emit('update-available', { version: '3.0.0' });
    updater.emit('download-progress', { percent: 250 });
    expect(service.status()).toEqual({ state: 'downloading', version: '3.0.0', percent: 100 });
    updater.emit('download-progress', { percent: Number.NaN });
    expect(service.status()).toEqual({ state: 'downloading', version: '3.0.0', percent: 0 });
  });
});

describe('UpdateService: restart to update', () => {
  it('is refused until an update is ready, then quits and installs', async () => {
    const { updater, service } = setup();
    let refusal: unknown;
    try {
      service.restartToUpdate();
    } catch (error) {
      refusal = error;
    }
    expect(isDeskError(refusal, 'refused')).toBe(true);
    expect(updater.installs).toBe(0);
    updater.onCheck = feedWith('1.4.0');
    await service.checkNow();
    service.restartToUpdate();
    expect(updater.installs).toBe(1);
  });
});

describe('UpdateService: automatic checks', () => {
  it('checks 30 s after start, then every 6 hours until an update is ready', async () => {
    const { updater, service, timers } = setup();
    updater.onCheck = async (u) => u.emit('update-not-available', { version: '0.1.0' });
    service.start();
    service.start();
    expect(timers.pending.size).toBe(1);
    await timers.advance(29_999);
    expect(updater.checks).toBe(0);
    await timers.advance(1);
    expect(updater.checks).toBe(1);
    await timers.advance(6 * hour);
    expect(updater.checks).toBe(2);
    updater.onCheck = feedWith('1.4.0');
    await timers.advance(6 * hour);
    expect(updater.checks).toBe(3);
    expect(service.status().state).toBe('ready');
    expect(timers.pending.size).toBe(0);
  });

  it('keeps checking after a failed check', async () => {
    const { updater, service, timers } = setup({ firstCheckAfterMs: 10, checkEveryMs: hour });
    updater.onCheck = async () => {
      throw new Error('offline');
    };
    service.start();
    await timers.advance(10);
    await timers.advance(hour);
    expect(updater.checks).toBe(2);
    expect(service.status().state).toBe('error');
  });

  it('checkEveryMs 0: only the first check', async () => {
    const { updater, service, timers } = setup({ checkEveryMs: 0 });
    service.start();
    await timers.advance(24 * hour);
    expect(updater.checks).toBe(1);
  });

  it('dispose stops the timer, detaches from the updater and goes quiet', async () => {
    const { updater, service, timers, seen } = setup();
    service.start();
    service.dispose();
    expect(timers.pending.size).toBe(0);
    expect(updater.listenerCount()).toBe(0);
    await timers.advance(24 * hour);
    expect(updater.checks).toBe(0);
    expect(await service.checkNow()).toEqual({ state: 'idle' });
    service.start();
    expect(timers.pending.size).toBe(0);
    expect(seen).toEqual([]);
  });
});

describe('UpdateService: listeners', () => {
  it('get copies, can unsubscribe, and one that throws does not stop the others', async () => {
    const { updater, service, logger } = setup();
    const got: UpdateStatus[] = [];
    service.onChange(() => {
      throw new Error('listener broke');
    });
    const off = service.onChange((status) => {
      got.push(status);
      (status as { state: string }).state = 'tampered';
    });
    updater.emit('checking-for-update');
    expect(service.status()).toEqual({ state: 'checking' });
    off();
    updater.emit('update-not-available', { version: '0.1.0' });
    expect(got).toHaveLength(1);
    expect(logger.lines.some((line) => line.message === 'An update listener failed.')).toBe(true);
  });
});
