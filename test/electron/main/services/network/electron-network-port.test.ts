// The app's NetworkPort: Electron's session answers the proxy question; the trust list is read once.
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronNetworkPort } from '../../../../../electron/main/services/network/electron-network-port.ts';

const PRIVATE_CA_PATH = fileURLToPath(new URL('../fixtures/tls/private-ca.crt', import.meta.url));

describe('electronNetworkPort', () => {
  it("asks the session for each URL's proxy", async () => {
    const asked: string[] = [];
    const port = electronNetworkPort({
      resolveProxy: async (url) => {
        asked.push(url);
        return 'PROXY corp:8080; DIRECT';
      },
    });
    expect(await port.resolveProxy('https://df.example.com/')).toBe('PROXY corp:8080; DIRECT');
    expect(asked).toEqual(['https://df.example.com/']);
  });

  it('reads the trusted certificates once, with the system store and NODE_EXTRA_CA_CERTS read from disk', () => {
    let systemReads = 0;
    const tls = {
      rootCertificates,
      getCACertificates: () => {
        systemReads++;
        return [];
      },
    };
    const port = electronNetworkPort({ resolveProxy: async () => 'DIRECT' }, { tls, env: { NODE_EXTRA_CA_CERTS: PRIVATE_CA_PATH } });
    const first = port.trustedCertificates();
    expect(port.trustedCertificates()).toBe(first);
    expect(systemReads).toBe(1);
    expect(first.sources).toMatchObject({ bundled: rootCertificates.length, system: 0, extra: 1, problems: [] });
    expect(first.pems.at(-1)?.replace(/\s/g, '')).toBe(readFileSync(PRIVATE_CA_PATH, 'utf8').replace(/\s/g, ''));
  });

  it("defaults to this runtime's node:tls", () => {
    const port = electronNetworkPort({ resolveProxy: async () => 'DIRECT' }, { env: {} });
    expect(port.trustedCertificates().sources.bundled).toBe(rootCertificates.length);
  });
});
