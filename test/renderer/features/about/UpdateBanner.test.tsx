// @vitest-environment happy-dom
import axe from 'axe-core';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateBanner } from '../../../../renderer/features/about/UpdateBanner.tsx';
import type { DeskInfo } from '../../../../shared/ipc/contract.ts';
import { cleanup, click, flush, getByRole, queryByRole, queryByText } from '../../support/dom.tsx';
import { FakeDesk, failWith, type Handlers } from '../../support/fakeDesk.ts';
import { anInstance, aStatus } from '../../support/fixtures.ts';
import { renderApp, renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

const ready: DeskInfo = { version: '1.0.0', packaged: true, updates: { state: 'ready', version: '1.1.0' } };

function show(info: DeskInfo, handlers: Handlers = {}) {
  const desk = new FakeDesk(handlers);
  const rendered = renderWithDesk(<UpdateBanner />, desk);
  act(() => rendered.state.app.info.set(info));
  return { ...rendered, desk };
}

describe('UpdateBanner', () => {
  it('says which version is ready, non-modal, with Restart now and Later', () => {
    show(ready);
    const banner = getByRole('status', { name: 'Update ready' });
    expect(banner.textContent).toContain('Update ready: DF Desk 1.1.0.');
    expect(document.querySelector('[role="dialog"], [aria-modal]')).toBeNull();
    expect(getByRole('button', { name: 'Restart now' })).not.toBeNull();
    expect(getByRole('button', { name: 'Later' })).not.toBeNull();
  });

  it('Restart now asks the main process to restart', async () => {
    const { desk } = show(ready, { 'update.restart': () => undefined });
    click(getByRole('button', { name: 'Restart now' }));
    await flush();
    expect(desk.payloads('update.restart')).toEqual([{}]);
  });

  it('a refused restart is explained and can be tried again', async () => {
    show(ready, {
      'update.restart': () => {
        throw failWith('refused', 'No update is ready to install yet.');
      },
    });
    click(getByRole('button', { name: 'Restart now' }));
    await flush();
    expect(queryByText(/Could not restart to update/)).not.toBeNull();
    expect(getByRole('button', { name: 'Restart now' }).getAttribute('aria-busy')).toBeNull();
  });

  it('Later hides it for this version; a newer one shows it again', () => {
    const { state } = show(ready);
    click(getByRole('button', { name: 'Later' }));
    expect(queryByRole('status', { name: 'Update ready' })).toBeNull();
    act(() => state.app.info.set({ ...ready, updates: { state: 'ready', version: '1.2.0' } }));
    expect(getByRole('status', { name: 'Update ready' }).textContent).toContain('DF Desk 1.2.0');
  });

  it('nothing unless an update is ready', () => {
    for (const updates of [
      { state: 'disabled', message: 'off' },
      { state: 'downloading', version: '1.1.0', percent: 50 },
      { state: 'error', message: 'x' },
    ] as const) {
      const { container, unmount } = show({ ...ready, updates });
      expect(container.innerHTML).toBe('');
      unmount();
    }
  });
});

describe('the whole app: version, update banner and notices', () => {
  function appDesk(info: DeskInfo): FakeDesk {
    return new FakeDesk({
      'instances.list': () => [anInstance()],
      'session.status': ({ id }) => aStatus({ instanceId: id }),
      'vault.health': () => ({ mode: 'keychain' }),
      'desk.info': () => info,
      'desk.notices': () => [{ kind: 'window-reloaded', message: 'The window was loaded again.' }],
    });
  }

  it('shows the version in the sidebar, and the banner once the pushed update is ready', async () => {
    const desk = appDesk({ version: '1.0.0', packaged: true, updates: { state: 'idle' } });
    await renderApp(desk);
    const sidebar = getByRole('navigation', { name: 'Instances' });
    expect(sidebar.textContent).toContain('DF Desk 1.0.0');
    expect(getByRole('status', { name: 'Window reloaded' })).not.toBeNull();
    expect(queryByRole('status', { name: 'Update ready' })).toBeNull();
    act(() => desk.emit('update.changed', { state: 'ready', version: '1.1.0' }));
    expect(getByRole('status', { name: 'Update ready' }).textContent).toContain('DF Desk 1.1.0');
  });

  it('axe finds nothing on the banners and the sidebar foot (contrast needs a real layout: the e2e suite checks it)', async () => {
    const desk = appDesk({ version: '1.0.0', packaged: true, updates: { state: 'error', message: 'The update check failed: offline' } });
    await renderApp(desk);
    act(() => desk.emit('update.changed', { state: 'ready', version: '1.1.0' }));
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // Keyboard: every control of the banners is a real, focusable button.
    for (const name of ['Restart now', 'Later', 'Dismiss: Window reloaded']) {
      const button = getByRole('button', { name });
      button.focus();
      expect(document.activeElement).toBe(button);
    }
  });

  it('a development build shows its version and no update line or banner', async () => {
    await renderApp(appDesk({ version: '0.1.0', packaged: false, updates: { state: 'disabled', message: 'off' } }));
    expect(getByRole('navigation', { name: 'Instances' }).textContent).toContain('DF Desk 0.1.0');
    expect(document.querySelector('.update-line')).toBeNull();
    expect(queryByRole('status', { name: 'Update ready' })).toBeNull();
  });
});
