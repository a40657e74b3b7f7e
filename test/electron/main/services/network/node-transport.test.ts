// The transport without a NetworkPort: Node's CA list or the channel's own anchors, direct connections.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { nodeTransport } from '../../../../../electron/main/services/network/node-transport.ts';
import { sendJson, tlsServer } from '../fixtures/servers.ts';
import { onCleanup } from '../../../../fixtures/cleanup.ts';

const TEST_CA = readFileSync(fileURLToPath(new URL('../fixtures/tls/ca.crt', import.meta.url)), 'utf8');

describe('nodeTransport', () => {
  it("a channel verifies with its own anchors in place of Node's list; no raw connect (direct reads)", async () => {
    const server = await tlsServer('valid', (_req, res) => sendJson(res, 200, { hello: 'direct' }));
    const transport = nodeTransport();
    expect(transport.connect).toBeUndefined();
    const trusting = transport.channel({ ca: [TEST_CA] });
    const plain = transport.channel({});
    onCleanup(() => {
      trusting.destroy();
      plain.destroy();
    });
    expect((await axios.get(server.url, { adapter: trusting.adapter })).data).toEqual({ hello: 'direct' });
    await expect(axios.get(server.url, { adapter: plain.adapter })).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('a checkServerIdentity of the channel replaces the host-name check', async () => {
    const server = await tlsServer('wrong-host', (_req, res) => sendJson(res, 200, {}));
    const seen: string[] = [];
    const channel = nodeTransport().channel({
      ca: [TEST_CA],
      checkServerIdentity: (host) => {
        seen.push(host);
        return undefined;
      },
    });
    onCleanup(() => channel.destroy());
    expect((await axios.get(server.url, { adapter: channel.adapter })).status).toBe(200);
    expect(seen).toEqual(['127.0.0.1']);
  });
});
