/**
 * Geometry of the records grid and of a dialog, measured in the page: what a person at that window size can
 * see, and what is hidden under something else (elementFromPoint, so sticky columns and footers count).
 */
import type { Locator } from 'playwright-core';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface GridGeometry {
  /** The scrolling frame's visible box. */
  frame: Box;
  scrollWidth: number;
  clientWidth: number;
  /** Data column headers (the actions column left out), in order. */
  headers: { name: string; box: Box; /** The header itself is what shows at its centre (nothing covers it). */ onTop: boolean }[];
  actions: Box;
  /** The first Edit button of the body. */
  firstEdit: Box;
  /** Body cells whose text is cut (scrollWidth > clientWidth), and whether their title holds the whole value. */
  cut: { text: string; title: string }[];
}

/** Measures the grid inside `records` (the "Records of …" region); `scrollLeft` first scrolls it sideways. */
export function gridGeometry(records: Locator, scrollLeft = 0): Promise<GridGeometry> {
  return records.evaluate((region, left) => {
    const box = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const frame = region.querySelector('table')?.parentElement;
    if (!frame) throw new Error('no records grid');
    frame.scrollLeft = left;
    const headerCells = [...frame.querySelectorAll('thead th')];
    const actionsHeader = headerCells.at(-1);
    const firstEdit = frame.querySelector('tbody button');
    if (!actionsHeader || !firstEdit) throw new Error('no actions column');
    const headers = headerCells.slice(0, -1).map((th) => {
      const b = box(th);
      const atCentre = document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2);
      return { name: th.textContent ?? '', box: b, onTop: atCentre !== null && th.contains(atCentre) };
    });
    const cut = [...frame.querySelectorAll<HTMLElement>('tbody td')]
      .filter((td) => td.scrollWidth > td.clientWidth + 1)
      .map((td) => ({ text: td.textContent ?? '', title: td.title }));
    return {
      frame: box(frame),
      scrollWidth: frame.scrollWidth,
      clientWidth: frame.clientWidth,
      headers,
      actions: box(actionsHeader),
      firstEdit: box(firstEdit),
      cut,
    };
  }, scrollLeft);
}

/** A column shows whole: inside the frame, clear of the pinned actions, and nothing covers it. */
export function wholeColumns(grid: GridGeometry): string[] {
  return grid.headers
    .filter(({ box, onTop }) => onTop && box.left >= grid.frame.left - 0.5 && box.right <= grid.actions.left + 0.5)
    .map(({ name }) => name);
}

/**
 * The element shows whole: inside the window, and it is what the user sees at its centre and just inside its
 * top and bottom edges (no sticky footer, header, backdrop or pinned cell over any of it).
 */
export function showsWhole(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
    const x = (r.left + r.right) / 2;
    return [r.top + 2, (r.top + r.bottom) / 2, r.bottom - 2].every((y) => {
      const seen = document.elementFromPoint(x, y);
      return seen !== null && element.contains(seen);
    });
  });
}

export async function boxOf(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not rendered');
  return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
}
