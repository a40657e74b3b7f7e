/**
 * Moving the keyboard focus on purpose, for the moments the browser would otherwise drop it on the page body:
 * a view that replaces the focused control, a dialog that closes, a form that comes up a moment later.
 */
import { type RefObject, useEffect, useRef, useState } from 'react';

/** Nothing has the focus: the browser parked it on the body (the focused element went away). */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

function shown(element: HTMLElement): boolean {
  return element.isConnected && element.closest('[hidden]') === null;
}

/**
 * Focuses what `find` returns as soon as it is there (now, or when it appears within `timeoutMs`). Given up when
 * the user takes over first (a key or a pointer press) so a late form never steals the focus from them.
 * Returns a cancel function.
 */
export function focusWhenReady(find: () => HTMLElement | null | undefined, timeoutMs = 5000): () => void {
  let done = false;
  const tryNow = (): boolean => {
    const target = find();
    if (!target || !shown(target)) return false;
    target.focus();
    return true;
  };
  if (tryNow()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (!done && tryNow()) stop();
  });
  const timer = setTimeout(() => stop(), timeoutMs);
  function stop() {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    window.removeEventListener('keydown', stop, true);
    window.removeEventListener('pointerdown', stop, true);
  }
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  window.addEventListener('keydown', stop, true);
  window.addEventListener('pointerdown', stop, true);
  return stop;
}

/**
 * After a submit that found errors, focuses the first invalid control of the form (aria-invalid), so the user
 * lands on what to fix instead of hunting for it. Call `focusInvalid()` when the validation failed.
 */
export function useFocusFirstInvalid<T extends HTMLElement>(): { ref: RefObject<T | null>; focusInvalid: () => void } {
  const ref = useRef<T>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  return { ref, focusInvalid: () => setAttempt((count) => count + 1) };
}

/**
 * When `key` changes (the view switched between states) and that left the focus nowhere, because the focused
 * control belonged to the old state, `target()` gets it. A null key is a state still loading. A visible container only: a hidden tab panel never
 * takes the focus.
 */
export function useFocusRescue(
  key: string | null,
  container: RefObject<HTMLElement | null>,
  target: () => HTMLElement | null,
): void {
  const previous = useRef(key);
  const latest = useRef(target);
  latest.current = target;
  useEffect(() => {
    const before = previous.current;
    if (before === key) return;
    previous.current = key;
    // Null is "not known yet" (still loading): the first real state is where the user starts, not a change.
    if (before === null || key === null) return;
    const root = container.current;
    if (!root || !shown(root) || !focusIsLost()) return;
    latest.current()?.focus();
  }, [key, container]);
}
