/**
 * Copies text for a Copy button. The async Clipboard API first; where it is refused (no permission, the
 * window not focused), the older selection copy, so the button still works in a locked-down renderer.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the selection copy.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.focus();
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  previous?.focus();
  if (!copied) throw new Error('The clipboard refused the text.');
}
