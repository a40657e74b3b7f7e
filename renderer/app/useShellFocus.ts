/**
 * Where the keyboard focus goes when the shell swaps what is on screen: another instance (Ctrl/Cmd+1..9), a
 * newly added instance, the in-place sign-in closing. Each of these removes or covers the focused control; left
 * alone, the browser parks the focus on the page body and the next Tab starts over at the top of the window.
 */
import { useEffect, useRef, useState } from 'react';
import { focusIsLost, focusWhenReady } from '../ui/focus.ts';

/** Where to put the focus once the instance is on screen. */
export type FocusTarget = 'sidebar' | 'view' | 'sign-in' | 'after-remove';

const sidebarSelector = 'nav[aria-label="Instances"]';

const finders: Record<FocusTarget, () => HTMLElement | null> = {
  // The selected instance's entry: the sidebar keeps the focus, on the instance now shown.
  sidebar: () => document.querySelector<HTMLElement>(`${sidebarSelector} [aria-current="true"]`),
  // The selected instance's current view tab: arrows pick a view, Tab walks into it.
  view: () => document.querySelector<HTMLElement>('main [role="tablist"] [aria-selected="true"]'),
  // The first field of the Session tab's sign-in form (the password when the login is already filled in).
  'sign-in': () => document.querySelector<HTMLElement>('main [role="tabpanel"]:not([hidden]) form [data-autofocus]'),
  // The instance shown in place of a removed one, or, with none left, the welcome's "Add your first instance".
  'after-remove': () =>
    document.querySelector<HTMLElement>('main [role="tablist"] [aria-selected="true"]') ??
    document.querySelector<HTMLElement>('main .welcome button'),
};

/**
 * A dialog still open under the one that closed (the record editor under the sign-in): its first field, the
 * way it opened; else the view's current tab.
 */
function fallbackAfterDialog(): HTMLElement | null {
  const dialogs = document.querySelectorAll<HTMLElement>('[aria-modal="true"]');
  const below = dialogs[dialogs.length - 1];
  if (!below) return finders.view();
  const first = (selector: string) => below.querySelector<HTMLElement>(selector);
  return first('[data-autofocus]') ?? first('input, select, textarea') ?? first('button') ?? below;
}

export interface ShellFocus {
  /** Ctrl/Cmd+N is about to select another instance: the focus follows from wherever it is now. */
  beforeShortcut(targetId: string): void;
  /** A new instance was saved and is about to be selected: land on its sign-in. */
  afterAdd(id: string): void;
  /** The shown instance was removed: land on whatever is shown instead. */
  afterRemove(id: string): void;
}

interface FocusRequest {
  /** The instance to wait for; for 'after-remove', the one to wait to be gone. */
  id: string;
  target: FocusTarget;
}

function isReady(request: FocusRequest, selectedId: string | undefined): boolean {
  return request.target === 'after-remove' ? request.id !== selectedId : request.id === selectedId;
}

export function useShellFocus(selectedId: string | undefined, signInOpenFor: string | undefined): ShellFocus {
  // State, not a ref: the request must re-run the effect even when the instance was on screen already (a first
  // instance is shown as soon as the list has it, before the form's own "select it" lands).
  const [request, setRequest] = useState<FocusRequest | null>(null);
  const handled = useRef<FocusRequest | null>(null);
  const wasSigningIn = useRef(signInOpenFor);

  useEffect(() => {
    if (!request || !isReady(request, selectedId) || handled.current === request) return;
    handled.current = request;
    // Runs after a closing dialog gave the focus back, so it wins; gives up if the user moves first.
    return focusWhenReady(finders[request.target]);
  }, [request, selectedId]);

  useEffect(() => {
    const closed = wasSigningIn.current !== undefined && signInOpenFor === undefined;
    wasSigningIn.current = signInOpenFor;
    // The dialog gives the focus back to where it was; only when that is gone does the shell step in.
    if (closed && focusIsLost()) fallbackAfterDialog()?.focus();
  }, [signInOpenFor]);

  return {
    beforeShortcut(targetId) {
      const inSidebar = document.activeElement?.closest(sidebarSelector) != null;
      // The same instance again: nothing else changes, so the focus only needs a place if it has none.
      if (targetId === selectedId) {
        if (!inSidebar && focusIsLost()) finders.view()?.focus();
        return;
      }
      setRequest({ id: targetId, target: inSidebar ? 'sidebar' : 'view' });
    },
    afterAdd(id) {
      setRequest({ id, target: 'sign-in' });
    },
    afterRemove(id) {
      setRequest({ id, target: 'after-remove' });
    },
  };
}
