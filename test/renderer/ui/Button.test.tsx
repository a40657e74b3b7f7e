// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Button } from '../../../renderer/ui/Button.tsx';
import { cleanup, click, getByRole, render } from '../support/dom.tsx';

afterEach(cleanup);

describe('Button', () => {
  it('item 1: keeps a busy button focusable (aria-disabled, not disabled), so the focus stays on it', () => {
    const { rerender } = render(<Button>Sign in</Button>);
    const button = getByRole<HTMLButtonElement>('button', { name: 'Sign in' });
    button.focus();
    rerender(<Button busy>Sign in</Button>);
    expect(button.disabled).toBe(false);
    expect(document.activeElement).toBe(button);
    rerender(<Button>Sign in</Button>);
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('item 1: a busy submit button refuses the form submission its click would make', () => {
    const submits: string[] = [];
    const form = (busy: boolean) => (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submits.push('sent');
        }}
      >
        <Button type="submit" busy={busy}>
          Save record
        </Button>
      </form>
    );
    const { rerender } = render(form(true));
    click(getByRole('button', { name: 'Save record' }));
    expect(submits).toEqual([]);
    rerender(form(false));
    click(getByRole('button', { name: 'Save record' }));
    expect(submits).toEqual(['sent']);
  });

  it('item 10: focusableWhenDisabled keeps a disabled button in the Tab order and ignores presses; plain disabled stays native', () => {
    const presses: string[] = [];
    render(
      <>
        <Button disabled focusableWhenDisabled onClick={() => presses.push('next')}>
          Next page
        </Button>
        <Button disabled>New record</Button>
      </>,
    );
    const next = getByRole<HTMLButtonElement>('button', { name: 'Next page' });
    expect(next.disabled).toBe(false);
    expect(next.getAttribute('aria-disabled')).toBe('true');
    click(next);
    expect(presses).toEqual([]);
    expect(getByRole<HTMLButtonElement>('button', { name: 'New record' }).disabled).toBe(true);
  });
});
