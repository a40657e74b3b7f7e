/**
 * Response headers as the renderer sees them: lower-case names, one string per header. Cookies are dropped
 * (DF is stateless; a cookie from a proxy in front of it is nobody's business in the renderer), and values
 * are scrubbed like the body.
 */
import { redactDataText } from '../../../../shared/secrets.ts';

const droppedHeaders: ReadonlySet<string> = new Set(['set-cookie', 'set-cookie2']);

function toJsonObject(headers: unknown): Record<string, unknown> {
  if (typeof headers !== 'object' || headers === null) return {};
  const toJSON = (headers as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const plain: unknown = toJSON.call(headers);
    if (typeof plain === 'object' && plain !== null) return plain as Record<string, unknown>;
  }
  return headers as Record<string, unknown>;
}

export function toHeaderMap(headers: unknown, secrets: readonly (string | null | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(toJsonObject(headers))) {
    const key = name.toLowerCase();
    if (droppedHeaders.has(key) || value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
    out[key] = redactDataText(text, secrets);
  }
  return out;
}
