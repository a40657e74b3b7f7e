// Journeys: the app's version in the window, an update that becomes ready and is installed on request, and the
// notice a reloaded window shows after its page crashed (the main process queues it before reloading).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpdater } from '../electron/main/services/updates/fake-updater.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { expectText } from './ui.ts';

describe('version, updates and notices in the window', () => {
  const updater = new FakeUpdater();
  let harness: DeskHarness;

  beforeAll(async () => {
    updater.onCheck = async (fake) => {
      fake.emit('update-available', { version: '9.9.9' });
      fake.emit('update-downloaded', { version: '9.9.9' });
      return null;
    };
    harness = await launchDesk({ desk: { appInfo: { version: '1.2.3', packaged: true }, updater } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows the running version, and an update that is ready installs only when asked', async () => {
    const { page, desk } = harness;
    await expectText(page.locator('body'), 'DF Desk 1.2.3');
    expect(await page.getByRole('status', { name: 'Update ready' }).count()).toBe(0);
    await desk.api.update.check();
    const banner = page.getByRole('status', { name: 'Update ready' });
    await expectText(banner, 'Update ready: DF Desk 9.9.9.');
    expect(updater.installs).toBe(0);
    await banner.getByRole('button', { name: 'Restart now' }).click();
    await expect.poll(() => updater.installs).toBe(1);
    expect(harness.pageErrors).toEqual([]);
  });

  it('after a crash and reload, the page says what happened, once, until dismissed', async () => {
    const { page, desk } = harness;
    desk.notify({ kind: 'window-reloaded', message: 'DF Desk’s window stopped unexpectedly and was reloaded.' });
    await page.reload();
    await expectText(page.locator('body'), 'DF Desk’s window stopped unexpectedly and was reloaded.');
    const dismiss = page.getByRole('button', { name: /^Dismiss: / });
    await dismiss.first().click();
    await expect.poll(() => page.getByText('DF Desk’s window stopped unexpectedly and was reloaded.').count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  });
});
