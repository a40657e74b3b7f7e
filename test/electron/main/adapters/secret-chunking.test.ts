/**
 * Chunked secrets against the real Secret Service (gnome-keyring via start-keyring.sh): a 10 KB secret
 * round-trips, shrinking removes stale parts, and a damaged secret reads as null, never as garbage.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeytarLike } from '../../../../electron/main/adapters/keytar-vault.ts';
import { keytarItems } from '../../../../electron/main/adapters/keytar-vault.ts';
import type { ChunkDamage, KeyringItems } from '../../../../electron/main/adapters/secret-chunking.ts';
import {
  CHUNK_MAX_BYTES,
  chunkAccount,
  deleteSecret,
  isChunkAccount,
  needsChunking,
  readSecret,
  splitUtf8,
  writeSecret,
} from '../../../../electron/main/adapters/secret-chunking.ts';
import { loadTestKeytar, removeService, uniqueService } from './fixtures/test-keyring.ts';

describe('splitUtf8', () => {
  it('keeps every part within the byte limit and never splits a character', () => {
    const text = `${'a'.repeat(7)}€😀${'é'.repeat(5)}`; // 1-, 3-, 4- and 2-byte characters
    const parts = splitUtf8(text, 8);
    expect(parts.join('')).toBe(text);
    for (const part of parts) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(8);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part); // no lone surrogates
    }
    expect(parts.length).toBeGreaterThan(2);
  });

  it('returns one empty part for an empty string', () => {
    expect(splitUtf8('', 10)).toEqual(['']);
  });
});

describe('needsChunking / isChunkAccount', () => {
  it('chunks above the limit and anything that starts like a header', () => {
    expect(needsChunking('x'.repeat(CHUNK_MAX_BYTES))).toBe(false);
    expect(needsChunking('x'.repeat(CHUNK_MAX_BYTES + 1))).toBe(true);
    expect(needsChunking('é'.repeat(CHUNK_MAX_BYTES / 2 + 1))).toBe(true); // bytes, not characters
    expect(needsChunking('chunked:v1:1:abc')).toBe(true);
  });

  it('recognises part accounts only', () => {
    expect(isChunkAccount('id/admin@example.com#3')).toBe(true);
    expect(isChunkAccount('id/api-key')).toBe(false);
    expect(isChunkAccount('id/a%23b')).toBe(false);
  });
});

describe('chunked secrets in the real keychain', () => {
  let keytar: KeytarLike;
  let service: string;
  let items: KeyringItems;
  const accountsNow = async () => (await keytar.findCredentials(service)).map((c) => c.account).sort();

  beforeAll(async () => {
    keytar = await loadTestKeytar();
    service = uniqueService();
    items = keytarItems(keytar, service);
  });
  afterAll(() => removeService(keytar, service));

  it('a 10 KB secret round-trips through 5 parts and a header', async () => {
    const secret = randomBytes(7_500).toString('base64'); // 10,000 ASCII bytes
    await writeSecret(items, 'inst/big', secret);
    expect(await readSecret(items, 'inst/big')).toBe(secret);
    expect(await keytar.getPassword(service, 'inst/big')).toMatch(/^chunked:v1:5:[0-9a-f]{64}$/);
    expect(await accountsNow()).toEqual(['inst/big', 'inst/big#1', 'inst/big#2', 'inst/big#3', 'inst/big#4', 'inst/big#5']);
    for (let i = 1; i <= 5; i++) {
      const part = await keytar.getPassword(service, chunkAccount('inst/big', i));
      expect(Buffer.byteLength(part ?? '', 'utf8')).toBeLessThanOrEqual(CHUNK_MAX_BYTES);
    }
    await deleteSecret(items, 'inst/big');
    expect(await accountsNow()).toEqual([]);
  });

  it('multi-byte secrets survive the split', async () => {
    const secret = 'é€😀'.repeat(900); // 8,100 bytes
    await writeSecret(items, 'inst/utf8', secret);
    expect(await readSecret(items, 'inst/utf8')).toBe(secret);
    await deleteSecret(items, 'inst/utf8');
  });

  it('overwriting with a shorter secret removes the stale parts', async () => {
    await writeSecret(items, 'inst/shrink', 'a'.repeat(9_000)); // 4 parts
    await writeSecret(items, 'inst/shrink', 'b'.repeat(3_000)); // 2 parts
    expect(await accountsNow()).toEqual(['inst/shrink', 'inst/shrink#1', 'inst/shrink#2']);
    expect(await readSecret(items, 'inst/shrink')).toBe('b'.repeat(3_000));
    await writeSecret(items, 'inst/shrink', 'short');
    expect(await accountsNow()).toEqual(['inst/shrink']);
    expect(await keytar.getPassword(service, 'inst/shrink')).toBe('short');
    await deleteSecret(items, 'inst/shrink');
  });

  it('a secret that looks like a header is stored chunked, so it reads back as itself', async () => {
    const tricky = `chunked:v1:1:${'0'.repeat(64)}`;
    await writeSecret(items, 'inst/tricky', tricky);
    expect(await readSecret(items, 'inst/tricky')).toBe(tricky);
    await deleteSecret(items, 'inst/tricky');
  });

  describe('damage reads as null with a reason, never as a wrong secret', () => {
    const cases: Array<{ name: string; damage: ChunkDamage; spoil: (account: string) => Promise<unknown> }> = [
      {
        name: 'a part was altered',
        damage: 'digest-mismatch',
        spoil: (account) => keytar.setPassword(service, chunkAccount(account, 2), 'x'.repeat(CHUNK_MAX_BYTES)),
      },
      { name: 'a part is missing', damage: 'missing-chunk', spoil: (account) => keytar.deletePassword(service, chunkAccount(account, 3)) },
      { name: 'the header is mangled', damage: 'bad-header', spoil: (account) => keytar.setPassword(service, account, 'chunked:v1:999:zz') },
    ];
    for (const { name, damage, spoil } of cases) {
      it(name, async () => {
        const account = `inst/damaged-${damage}`;
        await writeSecret(items, account, 'z'.repeat(8_000));
        await spoil(account);
        const reported: ChunkDamage[] = [];
        expect(await readSecret(items, account, (d) => reported.push(d))).toBeNull();
        expect(reported).toEqual([damage]);
        await deleteSecret(items, account);
      });
    }
  });

  it('delete also sweeps parts left without a header (an interrupted write)', async () => {
    await keytar.setPassword(service, 'inst/orphan#1', 'p1');
    await keytar.setPassword(service, 'inst/orphan#2', 'p2');
    await keytar.setPassword(service, 'inst/orphan-other', 'keep');
    expect(await deleteSecret(items, 'inst/orphan')).toBe(true);
    expect(await accountsNow()).toEqual(['inst/orphan-other']);
    await keytar.deletePassword(service, 'inst/orphan-other');
  });
});
