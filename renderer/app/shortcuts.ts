import { useEffect, useRef } from 'react';

/** Ctrl/Cmd+1..9 → index 0..8; anything else → undefined. */
export function instanceShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): number | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return undefined;
  return /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : undefined;
}

/** A modal dialog is open: the instance under it must not change (its input would go with it). */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** Ctrl/Cmd+1..9 selects the instance at that place in the sidebar, except while a dialog is open. */
export function useInstanceShortcuts(onIndex: (index: number) => void): void {
  const latest = useRef(onIndex);
  latest.current = onIndex;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const index = instanceShortcut(event);
      if (index === undefined) return;
      event.preventDefault();
      if (!modalOpen()) latest.current(index);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
