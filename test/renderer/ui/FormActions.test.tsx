// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { FormActions } from '../../../renderer/ui/FormActions.tsx';
import { cleanup, click, getByRole, queryByRole, render } from '../support/dom.tsx';

afterEach(cleanup);

describe('FormActions', () => {
  it('in a dialog: Cancel first, then the primary submit, which is busy while the form works', () => {
    const cancelled: string[] = [];
    render(<FormActions submitLabel="Save record" busy onCancel={() => cancelled.push('x')} />);
    const buttons = [...document.querySelectorAll('.modal-actions button')].map((button) => button.textContent);
    expect(buttons).toEqual(['Cancel', 'Save record']);
    const submit = getByRole<HTMLButtonElement>('button', { name: 'Save record' });
    expect(submit.type).toBe('submit');
    expect(submit.getAttribute('aria-busy')).toBe('true');
    // Busy but focusable: a disabled button would drop the keyboard focus to the page body.
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    expect(submit.disabled).toBe(false);
    click(getByRole('button', { name: 'Cancel' }));
    expect(cancelled).toEqual(['x']);
  });

  it('inline: no Cancel, its own label when given one, not busy', () => {
    render(<FormActions submitLabel="Sign in" busy={false} />);
    expect(queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(document.querySelector('.form-actions')).not.toBeNull();
    expect(getByRole<HTMLButtonElement>('button', { name: 'Sign in' }).disabled).toBe(false);
  });

  it('names Cancel as asked', () => {
    render(<FormActions submitLabel="Sign in" busy={false} onCancel={() => undefined} cancelLabel="Not now" />);
    expect(getByRole('button', { name: 'Not now' })).toBeDefined();
  });
});
