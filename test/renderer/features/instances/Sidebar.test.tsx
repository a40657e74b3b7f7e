// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Instance } from '../../../../shared/ipc/contract.ts';
import { Sidebar } from '../../../../renderer/features/instances/Sidebar.tsx';
import { TagBadge } from '../../../../renderer/features/instances/TagBadge.tsx';
import { cleanup, flush, queryAllByRole, render } from '../../support/dom.tsx';
import { FakeDesk } from '../../support/fakeDesk.ts';
import { anInstance, aStatus } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

/** Words as axe's label-content-name-mismatch reads them: lower case, split on anything not a letter or digit. */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function containsInOrder(name: string[], label: string[]): boolean {
  return name.some((_, start) => label.every((word, offset) => name[start + offset] === word));
}

async function showSidebar(instances: Instance[], sessions = {}) {
  renderWithDesk(
    <Sidebar instances={instances} sessions={sessions} selectedId={undefined} onSelect={() => undefined} onAdd={() => undefined} />,
    new FakeDesk(),
  );
  await flush();
}

describe('sidebar items: the accessible name contains the visible label (WCAG 2.5.3)', () => {
  function expectLabelInName(): void {
    const items = queryAllByRole('button').filter((button) => button.classList.contains('instance-item'));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      // The visible parts are separate words (not "DevActiveCtrl"), and all of them are in the name, in order.
      const visible = words(item.textContent ?? '');
      expect(visible.length).toBeGreaterThanOrEqual(4);
      expect(containsInOrder(words(item.getAttribute('aria-label') ?? ''), visible), item.textContent ?? '').toBe(true);
    }
  }

  it('names each item "<name>, <tag>, <state>" first, then the shortcut it shows, word for word', async () => {
    const instances = [
      anInstance({ id: 'a', name: 'Local dev' }),
      anInstance({ id: 'b', name: 'Staging EU', tag: 'staging' }),
      anInstance({ id: 'c', name: 'Production', tag: 'prod' }),
    ];
    await showSidebar(instances, { a: aStatus({ instanceId: 'a' }), c: aStatus({ instanceId: 'c', state: 'needs-sign-in' }) });
    const names = queryAllByRole('button', { name: /, (Ctrl\+|⌘)\d$/ }).map((item) => item.getAttribute('aria-label'));
    expect(names).toEqual([
      expect.stringMatching(/^Local dev, Dev, Active, (Ctrl\+|⌘)1$/),
      expect.stringMatching(/^Staging EU, Staging, Checking…, (Ctrl\+|⌘)2$/),
      expect.stringMatching(/^Production, Prod, Needs sign-in, (Ctrl\+|⌘)3$/),
    ]);
    expectLabelInName();
  });

  it('names the "Ends soon" and "retrying" hints the item shows, in their place', async () => {
    const now = Date.now();
    const instances = [anInstance({ id: 'a', name: 'Short window' }), anInstance({ id: 'b', name: 'Flaky', tag: 'staging' })];
    await showSidebar(instances, {
      // The refresh window ends within the day: the item shows "Ends soon", the name says it too.
      a: aStatus({ instanceId: 'a', forever: false, refreshWindowEndsAt: now + 3_600_000 }),
      b: aStatus({ instanceId: 'b', lastRefreshError: { kind: 'network', message: 'ECONNRESET', at: now } }),
    });
    expect(queryAllByRole('button', { name: /^Short window, Dev, Active, Ends soon, / })).toHaveLength(1);
    expect(queryAllByRole('button', { name: /^Flaky, Staging, Active, retrying, / })).toHaveLength(1);
    expectLabelInName();
  });

  it('leaves the shortcut out of the name past the ninth item, which has none', async () => {
    const instances = Array.from({ length: 10 }, (_, index) => anInstance({ id: `i${index}`, name: `Box ${index + 1}` }));
    await showSidebar(instances);
    const last = queryAllByRole('button', { name: /^Box 10, / })[0];
    expect(last?.getAttribute('aria-label')).toBe('Box 10, Dev, Checking…');
    expect(last?.querySelector('kbd')).toBeNull();
  });
});

describe('tag badges', () => {
  it('names the tag in words', () => {
    const { container } = render(<TagBadge tag="staging" />);
    expect(container.textContent).toBe('Staging');
  });
});
