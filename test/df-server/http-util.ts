// Request parsing and JSON response writing over node:http.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface DfRequest {
  /** Effective verb (after verb tunnelling where the era supports it). */
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON or form body; undefined when empty; the raw string when it is not parseable. */
  body: unknown;
  /** Request URL without the query: DF puts it in the `iss` claim. */
  urlWithoutQuery: string;
}

export interface DfResponse {
  status: number;
  /** Serialised as JSON (DF's count_only returns a bare integer, so any JSON value is allowed). */
  body: unknown;
  headers?: Record<string, string>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function readRawBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.trim() === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Laravel's $request->input(): body fields win over query parameters. */
export function input(req: DfRequest, name: string): unknown {
  if (isRecord(req.body) && name in req.body) return req.body[name];
  return req.query.get(name) ?? undefined;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function writeJson(res: ServerResponse, response: DfResponse): void {
  const payload = JSON.stringify(response.body);
  res.writeHead(response.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
    ...response.headers,
  });
  res.end(payload);
}

export function ok(body: unknown): DfResponse {
  return { status: 200, body };
}
