// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleHistory } from '../../../renderer/features/console/ConsoleHistory.tsx';
import { Modal } from '../../../renderer/ui/Modal.tsx';
import { cleanup, getByRole, render } from '../support/dom.tsx';

afterEach(cleanup);

describe('landmarks and headings', () => {
  it('a dialog is named by its h2 and adds no banner landmark (no <header> inside it)', () => {
    const { container } = render(
      <Modal title="Sign in to Local dev" onClose={() => undefined}>
        <p>Body</p>
      </Modal>,
    );
    const dialog = getByRole('dialog', { name: 'Sign in to Local dev' });
    expect(dialog.querySelector('h2')?.textContent).toBe('Sign in to Local dev');
    expect(container.querySelector('header, [role="banner"]')).toBeNull();
  });

  it('"Recent requests" is an h2, the level after the workspace\'s h1', () => {
    render(<ConsoleHistory entries={[]} onRecall={() => undefined} onClear={() => undefined} />);
    expect(getByRole('heading', { name: 'Recent requests' }).tagName).toBe('H2');
  });
});
