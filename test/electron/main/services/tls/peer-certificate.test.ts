// Reading the certificate a server presents: a real TLS handshake over loopback with the fixture certificates.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { connectDirect } from '../../../../../electron/main/services/network/tunnel.ts';
import { peerTarget, readPeerCertificate, tlsTargetOf } from '../../../../../electron/main/services/tls/peer-certificate.ts';
import { sendJson, tlsServer } from '../fixtures/servers.ts';
import { closedPortUrl } from '../../../../fixtures/servers.ts';

const fixture = (name: string) =>
  new X509Certificate(readFileSync(fileURLToPath(new URL(`../fixtures/tls/${name}.crt`, import.meta.url))));

describe('readPeerCertificate', () => {
  it('reads a self-signed certificate that verification refuses, and sends no request', async () => {
    const server = await tlsServer('self-signed', (_req, res) => sendJson(res, 200, {}));
    const seen = await readPeerCertificate({ host: '127.0.0.1', port: server.port, timeoutMs: 5000 });
    expect(seen).toMatchObject({
      sha256: fixture('self-signed').fingerprint256,
      subject: '127.0.0.1',
      issuer: '127.0.0.1',
      selfSigned: true,
      validTo: fixture('self-signed').validTo,
    });
    expect(seen?.sha256).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect(seen?.pem).toContain('BEGIN CERTIFICATE');
    expect(server.requests).toEqual([]);
  });

  it('reads a CA-signed certificate: issuer named, not self-signed', async () => {
    const server = await tlsServer('valid', (_req, res) => sendJson(res, 200, {}));
    const seen = await readPeerCertificate({ host: '127.0.0.1', port: server.port, timeoutMs: 5000 });
    expect(seen).toMatchObject({ sha256: fixture('valid').fingerprint256, issuer: 'DF Desk Test CA', selfSigned: false });
  });

  it('null when nothing answers', async () => {
    const port = Number(new URL(await closedPortUrl()).port);
    expect(await readPeerCertificate({ host: '127.0.0.1', port, timeoutMs: 5000 })).toBeNull();
  });

  it('over a connection it is given (a proxy tunnel in the app), or null when that connection fails', async () => {
    const server = await tlsServer('self-signed', (_req, res) => sendJson(res, 200, {}));
    const connect = () => connectDirect('127.0.0.1', server.port, 5000);
    const seen = await readPeerCertificate({ host: 'df.example.com', port: 443, timeoutMs: 5000, connect });
    expect(seen?.sha256).toBe(fixture('self-signed').fingerprint256);
    const failing = () => Promise.reject(new Error('proxy down'));
    expect(await readPeerCertificate({ host: '127.0.0.1', port: server.port, timeoutMs: 5000, connect: failing })).toBeNull();
    expect(server.requests).toEqual([]);
  });
});

describe('peerTarget', () => {
  it("takes the transport's route when it has one", async () => {
    const calls: unknown[] = [];
    const transport = {
      channel: () => ({ adapter: () => Promise.reject(new Error('unused')), destroy: () => undefined }),
      connect: (host: string, port: number, timeoutMs: number) => {
        calls.push([host, port, timeoutMs]);
        return Promise.reject(new Error('down'));
      },
    };
    const target = peerTarget('df.example.com', 8443, 1234, transport);
    expect(await readPeerCertificate(target)).toBeNull();
    expect(calls).toEqual([['df.example.com', 8443, 1234]]);
    expect(peerTarget('df.example.com', 8443, 1234)).toEqual({ host: 'df.example.com', port: 8443, timeoutMs: 1234 });
  });
});

describe('tlsTargetOf', () => {
  it('host and port of https URLs only', () => {
    expect(tlsTargetOf('https://df.example.com')).toEqual({ host: 'df.example.com', port: 443 });
    expect(tlsTargetOf('https://127.0.0.1:8443/df')).toEqual({ host: '127.0.0.1', port: 8443 });
    expect(tlsTargetOf('https://[::1]:9443')).toEqual({ host: '::1', port: 9443 });
    expect(tlsTargetOf('http://df.example.com')).toBeNull();
    expect(tlsTargetOf('not a url')).toBeNull();
  });
});
