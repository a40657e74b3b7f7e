// A scripted DF-like server on loopback, for what the DF test server does not model: answers trickled a byte at
// a time, compression bombs, crafted tokens, an instance under a sub-path. Each exchange records whether its
// answer was cut short (the client closed the socket before the server finished).
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { ManualClock } from '../../fixtures/clocks.ts';
import { waitFor } from '../../fixtures/waiting.ts';
import { listenOnLoopback } from '../../fixtures/servers.ts';

export interface Exchange {
  method: string;
  /** Path and query as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The answer was cut before the server finished it (the client closed the socket). */
  cut: boolean;
  /** The socket of this exchange has closed. */
  closed: boolean;
}

export type Script = (req: IncomingMessage, res: ServerResponse, exchange: Exchange) => void;

export interface Scripted {
  /** `http://127.0.0.1:<port>` */
  url: string;
  exchanges: Exchange[];
  /** Exchanges of one method, e.g. 'PUT'. */
  sent(method: string): Exchange[];
}

export async function scriptedServer(script: Script): Promise<Scripted> {
  const exchanges: Exchange[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      const exchange: Exchange = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, cut: false, closed: false };
      exchanges.push(exchange);
      res.on('close', () => {
        exchange.closed = true;
        exchange.cut = !res.writableFinished;
      });
      script(req, res, exchange);
    });
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    sent: (method) => exchanges.filter((exchange) => exchange.method === method),
  };
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** An unsigned JWT around a raw JSON payload (raw, so a claim can be a 400-digit number literal). */
export function rawJwt(payloadJson: string): string {
  return `${base64url('{"typ":"JWT","alg":"HS256"}')}.${base64url(payloadJson)}.c2lnbmF0dXJl`;
}

let serial = 0;

/** A DF-shaped token minted now on `clock`, living `ttlSeconds`; `claims` override any claim. */
export function dfToken(clock: ManualClock, ttlSeconds: number, claims: Record<string, unknown> = {}): string {
  const now = clock.now() / 1000;
  const payload = { sub: 'md5-of-email', user_id: 1, forever: false, iat: now, nbf: now, exp: now + ttlSeconds, jti: `j${serial++}`, ...claims };
  return rawJwt(JSON.stringify(payload));
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** DF's session object around `token`. */
export function sessionAnswer(res: ServerResponse, token: string): void {
  json(res, 200, { session_token: token, session_id: token, id: 1, name: 'Jane Doe', email: 'jane@example.com', is_sys_admin: false });
}

/** Headers, then one byte every 10 ms (real time) for as long as the client listens: never idle, never done. */
export function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"resource":"');
  const timer = setInterval(() => res.write('x'), 10);
  res.on('close', () => clearInterval(timer));
}

export type Encoding = 'gzip' | 'deflate' | 'br';

function compressor(encoding: Encoding): zlib.Gzip | zlib.Deflate | zlib.BrotliCompress {
  if (encoding === 'gzip') return zlib.createGzip({ level: 9 });
  if (encoding === 'deflate') return zlib.createDeflate({ level: 9 });
  return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
}

/**
 * A compression bomb: `decompressedBytes` of zeros (thousands to one on the wire), compressed as they are sent,
 * with back-pressure, so the server stops producing once the client stops reading.
 */
export function bomb(res: ServerResponse, encoding: Encoding, decompressedBytes: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x30);
  let left = decompressedBytes;
  const zeros = new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const size = Math.min(left, chunk.length);
      left -= size;
      this.push(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
  const zip = compressor(encoding);
  zeros.pipe(zip).pipe(res);
  res.on('close', () => {
    zeros.destroy();
    zip.destroy();
  });
}

/** Waits (on real I/O) until `exchange`'s socket has closed. */
export function socketClosed(exchange: Exchange | undefined, what = 'the socket to close'): Promise<void> {
  return waitFor(() => exchange?.closed === true, what);
}

/** True once `promise` has settled; lets a test wait on real I/O for it without hanging when it never does. */
export function tracked<T>(promise: Promise<T>): { settled: () => boolean; promise: Promise<T> } {
  let done = false;
  const settle = () => {
    done = true;
  };
  promise.then(settle, settle);
  return { settled: () => done, promise };
}
