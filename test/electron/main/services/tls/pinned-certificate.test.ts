// Pinned trust in one certificate, over real TLS handshakes with the fixture certificates.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import type { AxiosAdapter } from 'axios';
import { DfError, transportError } from '../../../../../shared/df/errors.ts';
import type { TransportFailure } from '../../../../../shared/df/transport-failure.ts';
import { PIN_MISMATCH_CODE, pinnedCertificateAdapter } from '../../../../../electron/main/services/tls/pinned-certificate.ts';
import { privateCaServer, privateLeafSha256 } from '../fixtures/private-ca.ts';
import { sendJson, tlsServer } from '../fixtures/servers.ts';
import { onCleanup } from '../../../../fixtures/cleanup.ts';

const tlsFile = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url)), 'utf8');
const sha256Of = (name: string) => new X509Certificate(tlsFile(`${name}.crt`)).fingerprint256;
const SELF_SIGNED = sha256Of('self-signed');
const VALID = sha256Of('valid');

/** What the session library does with an adapter failure: classify it (see shared/df/transport-failure.ts). */
function classifying(inner: AxiosAdapter = axios.getAdapter(axios.defaults.adapter)): AxiosAdapter {
  return async (config) => {
    try {
      return await inner(config);
    } catch (error) {
      throw transportError(error);
    }
  };
}

function pinned(origin: string, sha256: string) {
  const pin = pinnedCertificateAdapter({ origin, sha256, timeoutMs: 5000 });
  onCleanup(() => pin.dispose());
  return classifying(pin.adapter);
}

async function failure(promise: Promise<unknown>): Promise<{ failure: TransportFailure }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DfError) || error.transport === undefined) {
    throw new Error(`Expected a classified transport failure, got ${String(error)}`);
  }
  return { failure: error.transport };
}

const ok = (_req: unknown, res: Parameters<typeof sendJson>[0]) => sendJson(res, 200, { hello: 'pinned' });

describe('pinnedCertificateAdapter', () => {
  it('without a pin a self-signed server is refused; with its exact pin it is accepted', async () => {
    const server = await tlsServer('self-signed', ok);
    const plain = await failure(axios.get(server.url, { adapter: classifying() }));
    expect(plain.failure).toMatchObject({ kind: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(server.requests).toEqual([]);

    const adapter = pinned(server.url, SELF_SIGNED);
    const first = await axios.get(`${server.url}/one`, { adapter });
    const second = await axios.get(`${server.url}/two`, { adapter });
    expect(first.data).toEqual({ hello: 'pinned' });
    expect(second.status).toBe(200);
    expect(server.requests.map((r) => r.path)).toEqual(['/one', '/two']);
  });

  it('a wrong pin is refused before any request, with a "certificate changed" tls failure', async () => {
    const server = await tlsServer('self-signed', ok);
    const error = await failure(axios.get(server.url, { adapter: pinned(server.url, VALID) }));
    expect(error.failure.kind).toBe('tls');
    expect(error.failure.code).toBe(PIN_MISMATCH_CODE);
    expect(error.failure.message).toMatch(/different certificate than the one you trusted.*man-in-the-middle/);
    expect(server.requests).toEqual([]);
  });

  it('the pin is exact: even a CA-signed certificate that is not the pinned one is refused', async () => {
    const server = await tlsServer('valid', ok);
    const error = await failure(axios.get(server.url, { adapter: pinned(server.url, SELF_SIGNED) }));
    expect(error.failure.code).toBe(PIN_MISMATCH_CODE);
    expect(server.requests).toEqual([]);
  });

  it('another origin through the same adapter keeps the normal checks', async () => {
    const mine = await tlsServer('self-signed', ok);
    const other = await tlsServer('self-signed', ok);
    const adapter = pinned(mine.url, SELF_SIGNED);
    const error = await failure(axios.get(other.url, { adapter }));
    expect(error.failure.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(other.requests).toEqual([]);
    expect((await axios.get(mine.url, { adapter })).status).toBe(200);
  });

  it('a certificate replaced after the first connection is reported as changed', async () => {
    const key = tlsFile('server.key');
    const paths: string[] = [];
    const server = createServer({ key, cert: tlsFile('self-signed.crt') }, (req, res) => {
      paths.push(req.url ?? '');
      // A new connection (and handshake) for every request.
      res.setHeader('Connection', 'close');
      sendJson(res, 200, {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const adapter = pinned(url, SELF_SIGNED);
    expect((await axios.get(`${url}/before`, { adapter })).status).toBe(200);

    server.setSecureContext({ key, cert: tlsFile('unknown-issuer.crt') });
    const error = await failure(axios.get(`${url}/after`, { adapter }));
    expect(error.failure.code).toBe(PIN_MISMATCH_CODE);
    expect(paths).toEqual(['/before']);
  });

  // Issue 8, item 14: "Trust this certificate" for a leaf that a private CA (unknown to this machine) issued.
  it.each([
    ['the leaf alone', false],
    ['the leaf and its CA', true],
  ])('item14-private-ca-leaf: a pinned leaf of an unknown private CA is accepted (server sends %s)', async (_sends, chain) => {
    const server = await privateCaServer('private-leaf', ok, { chain });
    const plain = await failure(axios.get(server.url, { adapter: classifying() }));
    expect(plain.failure.kind).toBe('tls');
    const adapter = pinned(server.url, privateLeafSha256('private-leaf'));
    expect((await axios.get(`${server.url}/one`, { adapter })).data).toEqual({ hello: 'pinned' });
    expect((await axios.get(`${server.url}/two`, { adapter })).status).toBe(200);
    expect(server.requests.map((r) => r.path)).toEqual(['/one', '/two']);
  });

  it.each([
    ['the leaf alone', false],
    ['the leaf and its CA', true],
  ])('item14-private-ca-other-leaf: another leaf of the same CA is refused, nothing sent (server sends %s)', async (_sends, chain) => {
    const server = await privateCaServer('private-other', ok, { chain });
    const error = await failure(axios.get(server.url, { adapter: pinned(server.url, privateLeafSha256('private-leaf')) }));
    expect(error.failure).toMatchObject({ kind: 'tls', code: PIN_MISMATCH_CODE });
    expect(server.requests).toEqual([]);
  });

  it('item14-private-ca-swap: a leaf swapped for another of the same CA after the first connection is refused', async () => {
    const leaf = (name: string) => ({ key: tlsFile(`${name}.key`), cert: tlsFile(`${name}.crt`) });
    const paths: string[] = [];
    const server = createServer(leaf('private-leaf'), (req, res) => {
      paths.push(req.url ?? '');
      res.setHeader('Connection', 'close');
      sendJson(res, 200, {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const adapter = pinned(url, privateLeafSha256('private-leaf'));
    expect((await axios.get(`${url}/before`, { adapter })).status).toBe(200);
    server.setSecureContext(leaf('private-other'));
    expect((await failure(axios.get(`${url}/after`, { adapter }))).failure.code).toBe(PIN_MISMATCH_CODE);
    expect(paths).toEqual(['/before']);
  });

  it('refuses a malformed pin or a plain-http origin', () => {
    expect(() => pinnedCertificateAdapter({ origin: 'https://127.0.0.1', sha256: 'AB:CD' })).toThrow(/SHA-256/);
    expect(() => pinnedCertificateAdapter({ origin: 'http://127.0.0.1', sha256: SELF_SIGNED })).toThrow(/https/);
  });
});
