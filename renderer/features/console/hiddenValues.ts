/**
 * Secrets never reach the console history: a value under a secret-ish name (api_key, session_token, password…)
 * is stored as the placeholder "[hidden by DF Desk]". A recalled request shows the placeholder where the value
 * was, and is not sent until the user has typed the value again (or removed it): the placeholder must never
 * reach DF as if it were the value.
 */
import { isSecretParam, redactForStorage, redactedText } from '../../ui/redact.ts';
import type { ConsoleDraft } from './consoleModel.ts';

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

interface QueryPart {
  /** As typed: `api%5Fkey=abc`. */
  text: string;
  /** The name as typed (`api%5Fkey`) and decoded (`api_key`). */
  key: string;
  name: string;
  value: string;
}

function queryParts(query: string): QueryPart[] {
  return query.split('&').map((text) => {
    const at = text.indexOf('=');
    const key = at === -1 ? text : text.slice(0, at);
    return { text, key, name: decodedName(key), value: at === -1 ? '' : text.slice(at + 1) };
  });
}

/**
 * The path as stored: a query parameter whose name may hold a secret keeps its name and loses its value;
 * credential-shaped text anywhere else (a JWT, a 64-hex key) is hidden too. Applying it twice changes nothing.
 */
export function maskPathSecrets(path: string): string {
  const at = path.indexOf('?');
  const base = String(redactForStorage(at === -1 ? path : path.slice(0, at)));
  if (at === -1) return base;
  const query = queryParts(path.slice(at + 1)).map((part) => {
    if (part.value === '') return part.text;
    if (isSecretParam(part.name)) return `${part.key}=${redactedText}`;
    return `${part.key}=${String(redactForStorage(part.value))}`;
  });
  return `${base}?${query.join('&')}`;
}

function bodyFieldsHolding(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) bodyFieldsHolding(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'string' && field.includes(redactedText)) found.add(key);
      else bodyFieldsHolding(field, found);
    }
  }
}

/** Where the draft still holds the placeholder of a hidden value: "api_key (path)", "password (body)"… */
export function hiddenValuesIn(draft: ConsoleDraft): string[] {
  const where: string[] = [];
  const at = draft.path.indexOf('?');
  const base = at === -1 ? draft.path : draft.path.slice(0, at);
  if (base.includes(redactedText)) where.push('the path');
  if (at !== -1) {
    for (const part of queryParts(draft.path.slice(at + 1))) {
      if (decodedName(part.value).includes(redactedText)) where.push(`${part.name} (in the path)`);
    }
  }
  for (const row of draft.params) {
    if (row.value.includes(redactedText)) where.push(`${row.key.trim() || 'a parameter'} (parameter)`);
  }
  if (draft.body.includes(redactedText)) {
    const fields = new Set<string>();
    try {
      bodyFieldsHolding(JSON.parse(draft.body), fields);
    } catch {
      // Not JSON: the body is refused for that reason anyway.
    }
    if (fields.size === 0) where.push('the body');
    for (const field of fields) where.push(`${field} (in the body)`);
  }
  return where;
}

/** Why a recalled request is not sent yet, and what to do. */
export function hiddenValuesMessage(where: readonly string[]): string {
  return (
    `Type the hidden values again, or remove them, before sending: ${where.join(', ')}. ` +
    `DF Desk keeps no secrets in its history, so it saved them as "${redactedText}". ` +
    "You rarely need them: DF Desk sends the instance's API key and your session token by itself."
  );
}
