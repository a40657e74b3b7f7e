/**
 * The app:// scheme: the renderer is loaded from here, never from file://. `resolveAppPath` is the path guard
 * that keeps every request inside the built renderer folder; `handleAppRequest` turns a request into a Response
 * with the CSP header. The Electron calls (registerSchemesAsPrivileged, protocol.handle) live in start-shell.ts.
 * The origin itself (and isAppUrl) lives in ../app-url.ts, which the IPC sender check shares.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { appHost, appScheme, isAppUrl } from '../app-url.ts';
import { contentSecurityPolicy } from './csp.ts';

export { appEntryUrl, appHost, appOrigin, appScheme } from '../app-url.ts';

/**
 * standard: relative URLs, origin and storage work like https. secure: treated as a secure context.
 * supportFetchAPI/codeCache: module scripts load through fetch and get V8's code cache.
 * Deliberately NOT bypassCSP, corsEnabled, allowServiceWorkers or stream.
 */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResult =
  | { ok: true; filePath: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

// Plain build output names (vite: assets/index-AbC123.js). Nothing hidden, no separators, no drive letters.
const safeSegment = /^[A-Za-z0-9_~@+-][A-Za-z0-9_.~@+-]*$/;
// Encoded dot, slash, backslash or NUL anywhere in the raw path: a request that needs them is not ours.
const encodedDanger = /%(2e|2f|5c|00)/i;
const maxUrlLength = 2048;

function deny(status: 400 | 403 | 404, reason: string): AppPathResult {
  return { ok: false, status, reason };
}

/** True when `filePath` lies strictly below `rootDir`. */
export function isInsideRoot(rootDir: string, filePath: string): boolean {
  const rel = relative(resolve(rootDir), resolve(filePath));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Maps an app:// request URL to a file inside `rootDir`, or says why not. Checks the raw string first
 * (the URL parser would silently fold `..` and `%2e%2e`), then the decoded segments, then containment.
 */
export function resolveAppPath(requestUrl: string, rootDir: string, host: string = appHost): AppPathResult {
  if (typeof requestUrl !== 'string' || requestUrl.length > maxUrlLength) return deny(400, 'bad url');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(requestUrl)) return deny(400, 'control character or backslash');
  const prefix = `${appScheme}://`;
  if (!requestUrl.toLowerCase().startsWith(prefix)) return deny(403, 'other scheme');
  const afterScheme = requestUrl.slice(prefix.length);
  const slash = afterScheme.indexOf('/');
  const rawPath = (slash === -1 ? '/' : afterScheme.slice(slash)).split(/[?#]/)[0] ?? '/';
  if (encodedDanger.test(rawPath)) return deny(400, 'encoded traversal');
  const rawSegments = rawPath.split('/').slice(1);
  if (rawSegments.some((s) => s === '.' || s === '..')) return deny(400, 'dot segment');
  if (rawPath.startsWith('//')) return deny(400, 'absolute path');

  if (!isAppUrl(requestUrl, host)) return deny(403, 'other origin');
  // A standard scheme's empty path is the root (Chromium sends app://desk/; Node's parser keeps it empty).
  const pathname = new URL(requestUrl).pathname || '/';
  if (pathname !== rawPath) return deny(400, 'path changed by normalisation');

  let segments = pathname.split('/').slice(1);
  if (pathname === '/') segments = ['index.html'];
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return deny(400, 'malformed escape');
    }
    // An empty segment means a trailing or doubled slash: there are no directory listings.
    if (value === '') return deny(404, 'directory');
    if (!safeSegment.test(value)) return deny(400, 'unsafe segment');
    decoded.push(value);
  }

  const filePath = join(resolve(rootDir), ...decoded);
  // The last line of defence: whatever the checks above missed, nothing outside the root is served.
  if (!isInsideRoot(rootDir, filePath)) return deny(403, 'outside root');
  return { ok: true, filePath, contentType: contentTypeFor(filePath) };
}

export interface AppRequest {
  url: string;
  method: string;
}

export interface AppHandlerOptions {
  rootDir: string;
  host?: string;
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** Security headers on every app:// response, errors included. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

function isMissingFile(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** The protocol.handle('app', …) handler, minus Electron: GET/HEAD of files under rootDir, nothing else. */
export async function handleAppRequest(request: AppRequest, options: AppHandlerOptions): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const resolved = resolveAppPath(request.url, options.rootDir, options.host ?? appHost);
  if (!resolved.ok) return textResponse(resolved.status, 'Not found');
  const read = options.readFile ?? fsReadFile;
  let body: Uint8Array;
  try {
    body = await read(resolved.filePath);
  } catch (error) {
    return isMissingFile(error) ? textResponse(404, 'Not found') : textResponse(500, 'Could not read the file');
  }
  const headers = appResponseHeaders(resolved.contentType);
  // Copy into a plain ArrayBuffer-backed view: a Node Buffer may sit on a shared pool.
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
