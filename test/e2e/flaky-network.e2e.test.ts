// Journey: on a flaky network (VPN dropping connections) the background token refresh fails. The user sees
// it, calmly, in the Session panel and the sidebar, keeps the session, and it recovers by itself once the
// network is back: no sign-in prompt, no second login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfServer } from '../df-server/index.ts';
import { addInstance, routeCount, signInAsJane, startServer, userLoginRoute } from './fixtures.ts';
import { type DeskHarness, launchDesk } from './harness.ts';
import { dialog, expectText, openTab, selectInstance, sidebarItem, waitForSidebarState } from './ui.ts';

// Short tokens, so keep-alive refreshes (and their failures) come within a couple of seconds.
const ttlSeconds = 2;
const name = 'Flaky VPN';

describe('flaky network', () => {
  let harness: DeskHarness;
  let server: DfServer | undefined;

  beforeAll(async () => {
    harness = await launchDesk();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it('shows a failing background refresh, keeps the session and recovers with no sign-in prompt', async () => {
    const { page, desk } = harness;
    server = await startServer({ ttlSeconds });
    const instance = await addInstance(desk, server, name);
    // Every refresh PUT now has its connection reset, the way a dropping VPN cuts it.
    server.setFault({ kind: 'reset', count: 1000 });
    await signInAsJane(desk, instance);
    await selectInstance(page, name);
    const panel = await openTab(page, 'Session');

    await expectText(
      panel,
      'Last refresh failed: The connection was reset before the server answered (',
      ') — DF Desk keeps your session and retries.',
    );
    await waitForSidebarState(page, name, 'Dev', 'Active, retrying');
    expect(server.stats.refreshAttempts).toBeGreaterThanOrEqual(1);
    expect(server.stats.refreshSuccesses).toBe(0);

    // The network is back: the next scheduled retry succeeds on its own.
    server.setFault(null);
    await page.getByText('Last refresh failed').waitFor({ state: 'detached', timeout: 12_000 });
    expect(await sidebarItem(page, name).getAttribute('aria-label')).toBe(`${name}, Dev, Active, Ctrl+1`);
    await expectText(panel, 'Refresh count');
    expect(server.stats.refreshSuccesses).toBeGreaterThanOrEqual(1);
    expect(await dialog(page, `Sign in to ${name}`).count()).toBe(0);
    expect(routeCount(server, userLoginRoute)).toBe(1);
    expect(harness.pageErrors).toEqual([]);
    expect(harness.unexpectedErrors).toEqual([]);
  });
});
