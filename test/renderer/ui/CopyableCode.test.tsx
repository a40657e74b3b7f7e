// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyableCode } from '../../../renderer/ui/CopyableCode.tsx';
import { cleanup, click, getByRole, render, waitFor } from '../support/dom.tsx';

afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

describe('CopyableCode', () => {
  it('shows the text exactly and copies exactly it, then says so', async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    render(<CopyableCode text="DF_ALLOW_FOREVER_SESSIONS=true" what="the setting" />);
    expect(document.querySelector('code')?.textContent).toBe('DF_ALLOW_FOREVER_SESSIONS=true');
    click(getByRole('button', { name: 'Copy the setting' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Copied'));
    expect(write).toHaveBeenCalledWith('DF_ALLOW_FOREVER_SESSIONS=true');
  });

  it('when the clipboard refuses both ways, it says to select the text instead', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    const exec = vi.fn(() => false);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    render(<CopyableCode text="php artisan config:clear" what="the command" />);
    click(getByRole('button', { name: 'Copy the command' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Could not copy: select the text instead'));
    expect(exec).toHaveBeenCalledWith('copy');
    // The helper's textarea is gone again.
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('falls back to the selection copy when the async clipboard is refused', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    let copied = '';
    Object.defineProperty(document, 'execCommand', {
      value: () => {
        copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? '';
        return true;
      },
      configurable: true,
    });
    render(<CopyableCode text="sudo /opt/bitnami/ctlscript.sh restart" what="the restart" />);
    click(getByRole('button', { name: 'Copy the restart' }));
    await waitFor(() => expect(getByRole('status').textContent).toBe('Copied'));
    expect(copied).toBe('sudo /opt/bitnami/ctlscript.sh restart');
  });
});
