/**
 * Just enough of a testing library for our component tests: render with react-dom/client inside act(), find
 * controls the way users and the e2e tests do (by label, by role and accessible name, by text), and drive them
 * with real DOM events.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { root: Root; container: HTMLElement }[] = [];

export interface Rendered {
  container: HTMLElement;
  rerender(ui: ReactNode): void;
  unmount(): void;
}

export function render(ui: ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(ui));
  const entry = { root, container };
  mounted.push(entry);
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount() {
      act(() => root.unmount());
      container.remove();
      mounted.splice(mounted.indexOf(entry), 1);
    },
  };
}

/** Lets trailing IPC answers land inside act, then unmounts everything the test rendered; use in afterEach. */
export async function cleanup(): Promise<void> {
  await flush();
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount());
    container.remove();
  }
  document.body.innerHTML = '';
}

type Matcher = string | RegExp;

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function matches(text: string, matcher: Matcher): boolean {
  return typeof matcher === 'string' ? normalise(text) === matcher : matcher.test(normalise(text));
}

function isHidden(element: Element): boolean {
  return element.closest('[hidden]') !== null;
}

function labelText(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => normalise(document.getElementById(id)?.textContent))
      .join(' ');
  }
  const ariaLabel = element.getAttribute('aria-label');
  if (ariaLabel) return ariaLabel;
  const id = element.getAttribute('id');
  if (id) {
    const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
    if (label) return normalise(label.textContent);
  }
  const wrapping = element.closest('label');
  if (wrapping) return normalise(wrapping.textContent);
  return '';
}

/** Accessible name, close enough to the browser's for our markup. */
export function accessibleName(element: Element): string {
  const fromLabel = labelText(element);
  if (fromLabel) return normalise(fromLabel);
  if (element.tagName === 'FIELDSET') return normalise(element.querySelector('legend')?.textContent);
  return normalise(element.textContent);
}

const implicitRoles: Record<string, (element: Element) => boolean> = {
  button: (e) => e.tagName === 'BUTTON' || (e.tagName === 'INPUT' && ['button', 'submit'].includes((e as HTMLInputElement).type)),
  checkbox: (e) => e.tagName === 'INPUT' && (e as HTMLInputElement).type === 'checkbox',
  radio: (e) => e.tagName === 'INPUT' && (e as HTMLInputElement).type === 'radio',
  textbox: (e) =>
    e.tagName === 'TEXTAREA' ||
    (e.tagName === 'INPUT' && ['text', 'email', 'url', '', 'search'].includes((e as HTMLInputElement).type)),
  combobox: (e) => e.tagName === 'SELECT',
  columnheader: (e) => e.tagName === 'TH' && e.getAttribute('scope') === 'col',
  row: (e) => e.tagName === 'TR',
  table: (e) => e.tagName === 'TABLE',
  list: (e) => e.tagName === 'UL' || e.tagName === 'OL',
  listitem: (e) => e.tagName === 'LI',
  navigation: (e) => e.tagName === 'NAV',
  form: (e) => e.tagName === 'FORM' && e.hasAttribute('aria-label'),
  heading: (e) => /^H[1-6]$/.test(e.tagName),
  group: (e) => e.tagName === 'FIELDSET',
  region: (e) => e.tagName === 'SECTION' && (e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby')),
};

export function queryAllByRole(role: string, options: { name?: Matcher } = {}, within: ParentNode = document.body) {
  const all = [...within.querySelectorAll('*')];
  return all.filter((element) => {
    if (isHidden(element)) return false;
    const explicit = element.getAttribute('role');
    const hasRole = explicit ? explicit === role : (implicitRoles[role]?.(element) ?? false);
    if (!hasRole) return false;
    return options.name === undefined || matches(accessibleName(element), options.name);
  });
}

function single<T extends Element>(found: Element[], what: string): T {
  if (found.length === 1) return found[0] as T;
  const names = found.map((element) => `<${element.tagName.toLowerCase()}> "${accessibleName(element)}"`).join(', ');
  throw new Error(found.length === 0 ? `No element for ${what}.` : `${found.length} elements for ${what}: ${names}`);
}

export function getByRole<T extends HTMLElement = HTMLElement>(
  role: string,
  options: { name?: Matcher } = {},
  within: ParentNode = document.body,
): T {
  return single<T>(queryAllByRole(role, options, within), `role ${role} ${String(options.name ?? '')}`);
}

export function queryByRole(role: string, options: { name?: Matcher } = {}, within: ParentNode = document.body) {
  const found = queryAllByRole(role, options, within);
  return found.length === 0 ? null : single<HTMLElement>(found, `role ${role}`);
}

const labelable = 'input, select, textarea, button, [aria-label], [aria-labelledby]';

export function queryAllByLabel(matcher: Matcher, within: ParentNode = document.body): HTMLElement[] {
  return [...within.querySelectorAll<HTMLElement>(labelable)].filter(
    (element) => !isHidden(element) && matches(labelText(element), matcher),
  );
}

export function getByLabel<T extends HTMLElement = HTMLInputElement>(matcher: Matcher, within: ParentNode = document.body): T {
  return single<T>(queryAllByLabel(matcher, within), `label ${String(matcher)}`);
}

/** The deepest visible elements whose text matches. */
export function queryAllByText(matcher: Matcher, within: ParentNode = document.body): HTMLElement[] {
  const all = [...within.querySelectorAll<HTMLElement>('*')].filter(
    (element) => !isHidden(element) && matches(element.textContent ?? '', matcher),
  );
  return all.filter((element) => !all.some((other) => other !== element && element.contains(other)));
}

export function getByText(matcher: Matcher, within: ParentNode = document.body): HTMLElement {
  return single<HTMLElement>(queryAllByText(matcher, within), `text ${String(matcher)}`);
}

export function queryByText(matcher: Matcher, within: ParentNode = document.body): HTMLElement | null {
  const found = queryAllByText(matcher, within);
  return found.length === 0 ? null : single<HTMLElement>(found, `text ${String(matcher)}`);
}

export function click(element: Element): void {
  act(() => {
    (element as HTMLElement).click();
  });
}

/** Sets a value the way typing does, so React's change tracking sees it. */
export function typeInto(element: Element, value: string): void {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  act(() => {
    setter?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function selectOption(element: Element, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(element, value);
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function keyDown(element: Element | Window, init: KeyboardEventInit): void {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}

/** Lets pending promises (fake IPC answers) settle and React commit what they caused. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export async function waitFor<T>(assertion: () => T, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return assertion();
    } catch (error) {
      lastError = error;
      await flush();
    }
  }
  throw lastError;
}
