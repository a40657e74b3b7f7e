// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeBanners } from '../../../../renderer/features/about/NoticeBanners.tsx';
import { cleanup, click, getByRole, queryAllByRole, queryByRole } from '../../support/dom.tsx';
import { FakeDesk } from '../../support/fakeDesk.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

describe('NoticeBanners', () => {
  it('shows each notice with its title until dismissed', () => {
    const { state } = renderWithDesk(<NoticeBanners />, new FakeDesk());
    act(() =>
      state.app.notices.set([
        { kind: 'settings-recovered', message: 'Kept as settings.json.bak.' },
        { kind: 'window-reloaded', message: 'The window was loaded again.' },
      ]),
    );
    expect(queryAllByRole('status').map((banner) => banner.getAttribute('aria-label'))).toEqual([
      'Settings file recovered',
      'Window reloaded',
    ]);
    const reloaded = getByRole('status', { name: 'Window reloaded' });
    expect(reloaded.textContent).toContain('Window reloaded. The window was loaded again.');
    expect(reloaded.className).toContain('banner-info');
    expect(getByRole('status', { name: 'Settings file recovered' }).className).toContain('banner-warn');

    click(getByRole('button', { name: 'Dismiss: Window reloaded' }));
    expect(queryByRole('status', { name: 'Window reloaded' })).toBeNull();
    expect(queryByRole('status', { name: 'Settings file recovered' })).not.toBeNull();
  });

  it('nothing without notices', () => {
    const { container } = renderWithDesk(<NoticeBanners />, new FakeDesk());
    expect(container.innerHTML).toBe('');
  });
});
