import type { HttpMethod } from '../../../shared/ipc/contract.ts';
import { destructiveMethods, httpMethods } from '../../../shared/ipc/names.ts';

export const consoleMethods: readonly HttpMethod[] = httpMethods;
export const writeMethods: readonly HttpMethod[] = destructiveMethods;

export interface ParamRow {
  key: string;
  value: string;
}

export interface ConsoleDraft {
  method: HttpMethod;
  path: string;
  params: ParamRow[];
  body: string;
}

export const emptyDraft: ConsoleDraft = { method: 'GET', path: '', params: [{ key: '', value: '' }], body: '' };

export type BodyCheck = { ok: true; value: unknown } | { ok: false; error: string };

/** Empty means "no body"; anything else must be JSON, checked before it is sent. */
export function checkBody(text: string): BodyCheck {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'parse error';
    return { ok: false, error: `The body is not valid JSON: ${reason}` };
  }
}

export type PathCheck = { ok: true; path: string } | { ok: false; error: string };

/**
 * Paths are relative to /api/v2. A pasted full URL or an /api/v2/… path is accepted and trimmed, but only for
 * this instance's own origin: the token must not be attached to a request meant for another host.
 */
export function checkPath(text: string, instanceUrl: string): PathCheck {
  let path = text.trim();
  if (!path) return { ok: false, error: 'Enter a path, e.g. /db/_table/contacts.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    let url: URL;
    try {
      url = new URL(path);
    } catch {
      return { ok: false, error: 'That URL cannot be read.' };
    }
    let origin = '';
    try {
      origin = new URL(instanceUrl).origin;
    } catch {
      // An unreadable instance URL cannot match anything.
    }
    if (url.origin !== origin) return { ok: false, error: `That URL is not on this instance (${origin || instanceUrl}).` };
    path = `${url.pathname}${url.search}`;
  }
  if (!path.startsWith('/')) path = `/${path}`;
  path = path.replace(/^\/api\/v2(?=\/|$|\?)/, '') || '/';
  if (path.startsWith('?')) path = `/${path}`;
  return { ok: true, path };
}

export function paramsOf(rows: readonly ParamRow[]): Record<string, string> | undefined {
  const entries = rows.filter((row) => row.key.trim() !== '').map((row) => [row.key.trim(), row.value] as const);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Ctrl+Enter, or Cmd+Enter on macOS. */
export function isSendShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}
