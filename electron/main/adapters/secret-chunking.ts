/**
 * Secrets longer than one keychain item allows, split across several items.
 *
 * Windows Credential Manager caps an item at 2,560 bytes (CRED_MAX_CREDENTIAL_BLOB_SIZE), and a DF JWT with
 * a large role or lookup payload can exceed it. So a secret over CHUNK_MAX_BYTES (UTF-8) is stored as
 * `<account>#1` … `<account>#n`, and `<account>` itself holds a header `chunked:v1:<n>:<sha256-hex>`.
 * Reads reassemble and verify the digest: a missing or altered part yields `null` (and a damage report),
 * never a wrong secret. A secret that itself starts with `chunked:` is always stored chunked, so a header
 * can never be mistaken for a plain secret.
 */
import { createHash } from 'node:crypto';

export const CHUNK_MAX_BYTES = 2400;
/** ~150 KB; anything claiming more is a damaged or hostile header. */
export const MAX_CHUNKS = 64;

const HEADER_PREFIX = 'chunked:';
const headerPattern = /^chunked:v1:([1-9][0-9]{0,2}):([0-9a-f]{64})$/;
const chunkSuffix = /#[1-9][0-9]*$/;

/** The raw items of one keychain service: what keytar offers, with the service already bound. */
export interface KeyringItems {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Every account stored under the service, chunk items included. */
  accounts(): Promise<string[]>;
}

export type ChunkDamage = 'bad-header' | 'missing-chunk' | 'digest-mismatch';

export function chunkAccount(account: string, index: number): string {
  return `${account}#${index}`;
}

/** Account names from the scheme never end in `#<digits>` (logins escape '#'), so this only matches parts. */
export function isChunkAccount(account: string): boolean {
  return chunkSuffix.test(account);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Splits on code-point boundaries so every part is valid UTF-8 on its own and at most `maxBytes` long. */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const char of text) {
    const bytes = Buffer.byteLength(char, 'utf8');
    if (currentBytes + bytes > maxBytes && current !== '') {
      parts.push(current);
      current = '';
      currentBytes = 0;
    }
    current += char;
    currentBytes += bytes;
  }
  if (current !== '' || parts.length === 0) parts.push(current);
  return parts;
}

export function needsChunking(secret: string, maxBytes = CHUNK_MAX_BYTES): boolean {
  return secret.startsWith(HEADER_PREFIX) || Buffer.byteLength(secret, 'utf8') > maxBytes;
}

interface ChunkHeader {
  count: number;
  digest: string;
}

/** `null` for a plain secret; `'bad'` for something that claims to be a header but is not a valid one. */
function parseHeader(value: string): ChunkHeader | 'bad' | null {
  if (!value.startsWith(HEADER_PREFIX)) return null;
  const match = headerPattern.exec(value);
  if (match === null) return 'bad';
  const count = Number(match[1]);
  if (count > MAX_CHUNKS) return 'bad';
  return { count, digest: match[2] ?? '' };
}

export async function writeSecret(
  items: KeyringItems,
  account: string,
  secret: string,
  maxBytes = CHUNK_MAX_BYTES,
): Promise<void> {
  const previous = await items.get(account);
  const previousHeader = previous === null ? null : parseHeader(previous);
  const previousCount = previousHeader !== null && previousHeader !== 'bad' ? previousHeader.count : 0;

  let count = 0;
  if (needsChunking(secret, maxBytes)) {
    const parts = splitUtf8(secret, maxBytes);
    if (parts.length > MAX_CHUNKS) throw new Error(`The secret is too large for the keychain (${parts.length} parts).`);
    // Parts first, header last: a reader sees either the old header (digest then fails → null) or the new
    // complete secret, never a header pointing at parts that are not written yet.
    for (const [index, part] of parts.entries()) await items.set(chunkAccount(account, index + 1), part);
    await items.set(account, `chunked:v1:${parts.length}:${sha256(secret)}`);
    count = parts.length;
  } else {
    await items.set(account, secret);
  }
  for (let index = count + 1; index <= previousCount; index++) await items.delete(chunkAccount(account, index));
}

export async function readSecret(
  items: KeyringItems,
  account: string,
  onDamage?: (damage: ChunkDamage) => void,
): Promise<string | null> {
  const stored = await items.get(account);
  if (stored === null) return null;
  const header = parseHeader(stored);
  if (header === null) return stored;
  if (header === 'bad') {
    onDamage?.('bad-header');
    return null;
  }
  const parts: string[] = [];
  for (let index = 1; index <= header.count; index++) {
    const part = await items.get(chunkAccount(account, index));
    if (part === null) {
      onDamage?.('missing-chunk');
      return null;
    }
    parts.push(part);
  }
  const secret = parts.join('');
  if (sha256(secret) !== header.digest) {
    onDamage?.('digest-mismatch');
    return null;
  }
  return secret;
}

/** Removes the item and all of its parts, including parts left behind by an interrupted write. */
export async function deleteSecret(items: KeyringItems, account: string): Promise<boolean> {
  const deleted = await items.delete(account);
  const partPrefix = `${account}#`;
  const leftovers = (await items.accounts()).filter(
    (candidate) => candidate.startsWith(partPrefix) && /^[1-9][0-9]*$/.test(candidate.slice(partPrefix.length)),
  );
  for (const part of leftovers) await items.delete(part);
  return deleted || leftovers.length > 0;
}
