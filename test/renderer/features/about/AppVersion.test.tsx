// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppVersion } from '../../../../renderer/features/about/AppVersion.tsx';
import type { DeskInfo } from '../../../../shared/ipc/contract.ts';
import { cleanup, queryByRole, queryByText } from '../../support/dom.tsx';
import { FakeDesk } from '../../support/fakeDesk.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

function show(info: DeskInfo | null) {
  const rendered = renderWithDesk(<AppVersion />, new FakeDesk());
  act(() => rendered.state.app.info.set(info));
  return rendered;
}

describe('AppVersion', () => {
  it('nothing until the main process said which DF Desk this is', () => {
    const { container } = show(null);
    expect(container.textContent).toBe('');
  });

  it('a development build: the version only, no update line', () => {
    show({ version: '0.1.0', packaged: false, updates: { state: 'disabled', message: 'Updates are off in development builds.' } });
    expect(queryByText('DF Desk 0.1.0')).not.toBeNull();
    expect(queryByRole('status')).toBeNull();
  });

  it('a packaged build: a status line that stays in place and follows the updates', () => {
    const { state } = show({ version: '1.0.0', packaged: true, updates: { state: 'idle' } });
    const status = queryByRole('status');
    expect(status?.textContent).toBe('');
    act(() => state.app.info.set((p) => p && { ...p, updates: { state: 'downloading', version: '1.1.0', percent: 7 } }));
    expect(queryByRole('status')).toBe(status);
    expect(status?.textContent).toBe('Downloading DF Desk 1.1.0: 7%');
  });

  it('an error: a short line, and the reason behind a keyboard-reachable disclosure', () => {
    show({ version: '1.0.0', packaged: true, updates: { state: 'error', message: 'The update check failed: offline' } });
    const summary = document.querySelector('.app-version summary');
    expect(summary?.textContent).toBe('Could not check for updates.');
    expect(queryByRole('status')?.textContent).toContain('The update check failed: offline');
  });
});
