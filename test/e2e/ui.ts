/**
 * What a user does in DF Desk, in Playwright terms: only labels, roles and accessible names a user (or a
 * screen reader) meets, never CSS classes, so a journey breaks when the UI a person sees breaks.
 */
import type { Locator, Page } from 'playwright-core';

export type TabLabel = 'Session' | 'Data' | 'API console';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The sidebar entry, named like "Local dev, Dev, Active". */
export function sidebarItem(page: Page, name: string, rest?: string): Locator {
  const pattern = new RegExp(`^${escapeRegExp(name)}, ${rest === undefined ? '' : escapeRegExp(rest)}`);
  return page.getByRole('navigation', { name: 'Instances' }).getByRole('button', { name: pattern });
}

/** Waits until the sidebar shows the instance with that tag and session state ("Dev", "Active"). */
export async function waitForSidebarState(page: Page, name: string, tag: string, state: string): Promise<void> {
  await sidebarItem(page, name, `${tag}, ${state}`).waitFor();
}

export async function selectInstance(page: Page, name: string): Promise<void> {
  await sidebarItem(page, name).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export async function openTab(page: Page, label: TabLabel): Promise<Locator> {
  await page.getByRole('tab', { name: label, exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: label, exact: true });
  await panel.waitFor();
  return panel;
}

/** The text a user sees: hidden tab panels (kept mounted) are left out and table cells keep their line breaks. */
export function visibleText(locator: Locator, timeoutMs?: number): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point; textContent includes hidden panels.
  return locator.innerText(timeoutMs === undefined ? undefined : { timeout: timeoutMs });
}

/**
 * Waits until the locator's visible text contains every fragment, else throws with the text it last saw.
 * Playwright's auto-retrying expect is not part of playwright-core, and this also runs outside vitest (screenshots).
 */
export async function expectText(locator: Locator, ...fragments: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen = '';
  for (;;) {
    seen = await visibleText(locator, 1_000).catch((error: unknown) => `(not readable: ${String(error)})`);
    const missing = fragments.filter((fragment) => !seen.includes(fragment));
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`Expected the text to contain ${JSON.stringify(missing)}, but it was:\n${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function fillSignIn(scope: Locator, email: string, password: string): Promise<void> {
  await scope.getByLabel('Email', { exact: true }).fill(email);
  await scope.getByLabel('Password', { exact: true }).fill(password);
}

export interface ConsoleRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: string;
}

/** Fills the API console (already open) and presses Send. */
export async function fillConsole(page: Page, request: ConsoleRequest): Promise<Locator> {
  const panel = page.getByRole('tabpanel', { name: 'API console', exact: true });
  await panel.getByLabel('Method', { exact: true }).selectOption(request.method ?? 'GET');
  await panel.getByLabel('Path', { exact: true }).fill(request.path);
  if (request.body !== undefined) await panel.getByLabel('JSON body', { exact: true }).fill(request.body);
  return panel;
}

export async function sendConsole(page: Page, request: ConsoleRequest): Promise<Locator> {
  const panel = await fillConsole(page, request);
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  return panel;
}

/** The console's response area. */
export function consoleResponse(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'API console', exact: true }).getByRole('region', { name: 'Response' });
}

/** A modal dialog by its exact title (role dialog or alertdialog). */
export function dialog(page: Page, title: string): Locator {
  const name = { name: title, exact: true };
  return page.getByRole('dialog', name).or(page.getByRole('alertdialog', name));
}

/** Opens the forever-sessions doctor from an instance's Session tab and picks the install kind. */
export async function openForeverDoctor(page: Page, instanceName: string, install: string): Promise<Locator> {
  await selectInstance(page, instanceName);
  const session = await openTab(page, 'Session');
  await session.getByRole('button', { name: 'Check forever sessions' }).click();
  const doctor = dialog(page, `Forever sessions on ${instanceName}`);
  await doctor.getByLabel('How is this DreamFactory installed?').selectOption(install);
  return doctor;
}

/** Opens Add instance, fills name, URL and key, and runs Test connection; returns the dialog. */
export async function testConnectionInAddForm(page: Page, fields: { name: string; url: string; apiKey: string }): Promise<Locator> {
  await page.getByRole('button', { name: 'Add instance' }).click();
  const form = dialog(page, 'Add a DreamFactory instance');
  await form.getByLabel('Name', { exact: true }).fill(fields.name);
  await form.getByLabel('URL', { exact: true }).fill(fields.url);
  await form.getByLabel('API key', { exact: true }).fill(fields.apiKey);
  await form.getByRole('button', { name: 'Test connection' }).click();
  return form;
}
