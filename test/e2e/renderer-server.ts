/**
 * Serves the built renderer on loopback HTTP THROUGH the app:// handler, so the page gets exactly the bytes and
 * headers (CSP included) the Electron app would get. Only the scheme differs: http://127.0.0.1:<port>/x is
 * answered as app://desk/x.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appOrigin, handleAppRequest } from '../../electron/main/shell/app-protocol.ts';

export interface RendererServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

async function answer(request: IncomingMessage, response: ServerResponse, rootDir: string): Promise<void> {
  const appResponse = await handleAppRequest({ url: `${appOrigin}${request.url ?? '/'}`, method: request.method ?? 'GET' }, { rootDir });
  const headers: Record<string, string> = {};
  appResponse.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(appResponse.status, headers);
  response.end(Buffer.from(await appResponse.arrayBuffer()));
}

export async function serveRenderer(rootDir: string): Promise<RendererServer> {
  const server = createServer((request, response) => {
    answer(request, response, rootDir).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
