// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Button } from '../../../renderer/ui/Button.tsx';
import { ConfirmProvider, useConfirm } from '../../../renderer/ui/confirm.tsx';
import { cleanup, click, flush, getByRole, keyDown, queryByRole, render } from '../support/dom.tsx';

afterEach(cleanup);

const answers: boolean[] = [];

function Asker() {
  const confirm = useConfirm();
  return (
    <Button
      onClick={async () => {
        answers.push(await confirm({ title: 'Drop table?', message: 'Gone for good.', confirmLabel: 'Drop', danger: true }));
      }}
    >
      Ask
    </Button>
  );
}

describe('confirm dialog', () => {
  it('focuses Cancel, answers false on Escape and true on confirm, and gives focus back', async () => {
    answers.length = 0;
    render(
      <ConfirmProvider>
        <Asker />
      </ConfirmProvider>,
    );
    const ask = getByRole('button', { name: 'Ask' });
    ask.focus();
    click(ask);
    const dialog = getByRole('alertdialog', { name: 'Drop table?' });
    expect(document.activeElement).toBe(getByRole('button', { name: 'Cancel' }, dialog));
    keyDown(document.activeElement ?? dialog, { key: 'Escape' });
    await flush();
    expect(queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(ask);

    click(ask);
    click(getByRole('button', { name: 'Drop' }));
    await flush();
    expect(answers).toEqual([false, true]);
  });

  it('marks a busy button for assistive tech and blocks a second press', () => {
    const presses: string[] = [];
    render(
      <Button busy onClick={() => presses.push('save')}>
        Save
      </Button>,
    );
    const button = getByRole<HTMLButtonElement>('button', { name: 'Save' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    click(button);
    expect(presses).toEqual([]);
  });
});
