/**
 * Helpers for the keyboard and state journeys: a gate in front of the DF test server that holds chosen requests
 * (so a busy state lasts until the test has looked at focus), and focus/Tab probes in terms a keyboard user meets.
 */
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { Locator, Page } from 'playwright-core';

export type RequestMatch = (method: string, path: string) => boolean;

export interface Gate {
  /** Point the instance here instead of at the DF test server. */
  url: string;
  /** Holds every request that matches until release(); one rule at a time. */
  hold(match: RequestMatch): void;
  /** Lets the held requests through and stops holding. */
  release(): void;
  /** Resolves once a matching request is being held. */
  waitForHeld(): Promise<void>;
  close(): Promise<void>;
}

function forward(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

export async function startGate(targetUrl: string): Promise<Gate> {
  const target = new URL(targetUrl);
  let match: RequestMatch | null = null;
  let waiting: (() => void)[] = [];
  let heldListeners: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (match?.(req.method ?? 'GET', path)) {
      waiting.push(() => forward(target, req, res));
      for (const listener of heldListeners.splice(0)) listener();
      return;
    }
    forward(target, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const release = () => {
    match = null;
    const held = waiting;
    waiting = [];
    for (const go of held) go();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    hold(next) {
      match = next;
    },
    release,
    waitForHeld() {
      if (waiting.length > 0) return Promise.resolve();
      return new Promise((resolve) => heldListeners.push(resolve));
    },
    close() {
      release();
      heldListeners = [];
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** What has focus, as "<tag> name": the body when focus was lost. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return 'body';
    const label = (element.id && document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent) || '';
    const name = element.getAttribute('aria-label') || label || element.textContent || '';
    return `${element.tagName.toLowerCase()} ${name.replace(/\s+/g, ' ').trim()}`;
  });
}

export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Presses Tab until `target` has focus; returns how many presses it took (throws past `max`). */
export async function tabsTo(page: Page, target: Locator, max = 40, key = 'Tab'): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await hasFocus(target)) return presses;
  }
  throw new Error(`${key} never reached the target in ${max} presses; focus is on ${await focused(page)}`);
}

/** Polls until `check` holds (Playwright's auto-retrying expect is not in playwright-core). */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether the element's box is inside the visible part of every scrolling ancestor and of the window. */
export function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = box.top;
    const bottom = Math.min(box.bottom, box.top + 120);
    if (top < 0 || bottom > window.innerHeight) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (!/(auto|scroll)/.test(style.overflowY)) continue;
      const frame = parent.getBoundingClientRect();
      if (top < frame.top || bottom > frame.bottom) return false;
    }
    return true;
  });
}
