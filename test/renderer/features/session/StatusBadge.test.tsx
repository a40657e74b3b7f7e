// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { StatusBadge } from '../../../../renderer/features/session/StatusBadge.tsx';
import { cleanup, render } from '../../support/dom.tsx';
import { aStatus } from '../../support/fixtures.ts';

afterEach(cleanup);

const now = Date.UTC(2026, 0, 5, 9, 0, 0);
const lastRefreshError = { kind: 'server', message: 'Internal Server Error.', at: now - 5000 } as const;

describe('StatusBadge', () => {
  it('shows the state alone while refreshes work', () => {
    render(<StatusBadge status={aStatus({ state: 'active' })} now={now} />);
    expect(document.querySelector('[data-state]')?.textContent).toBe('Active');
    expect(document.querySelector('[data-testid="refresh-retrying"]')).toBeNull();
  });

  it('adds a subtle "retrying" hint, with the reason on hover, after a failed background refresh', () => {
    render(<StatusBadge status={aStatus({ state: 'active', lastRefreshError })} now={now} />);
    // The state badge itself is unchanged, so "Active" stays what the badge says.
    expect(document.querySelector('[data-state]')?.textContent).toBe('Active');
    const hint = document.querySelector('[data-testid="refresh-retrying"]');
    expect(hint?.textContent).toBe('retrying');
    expect(hint?.getAttribute('title')).toBe(
      'The last refresh failed: the server had a problem (Internal Server Error). DF Desk keeps your session and retries.',
    );
  });

  it('gives no hint once the session ended: that is told as needs sign-in', () => {
    render(<StatusBadge status={aStatus({ state: 'needs-sign-in', lastRefreshError })} now={now} />);
    expect(document.querySelector('[data-state]')?.textContent).toBe('Needs sign-in');
    expect(document.querySelector('[data-testid="refresh-retrying"]')).toBeNull();
  });
});
