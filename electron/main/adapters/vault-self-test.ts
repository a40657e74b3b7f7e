/**
 * Is the keychain really usable? Reads cannot tell: a locked or missing login keyring answers reads with
 * `null` silently (toolchain §2.4), so the only honest probe is a write. We write a canary item, read it back
 * and delete it, within a time limit (a keyring may sit waiting for an unlock prompt).
 */
import { randomBytes } from 'node:crypto';
import type { KeychainProblem } from './keychain-errors.ts';
import { explainKeychainError } from './keychain-errors.ts';
import type { KeyringItems } from './secret-chunking.ts';

/** Not a valid instance id (ids never contain '.'), so a canary can never collide with a real entry. */
export const SELF_TEST_ACCOUNT_PREFIX = '.self-test/';
export const DEFAULT_SELF_TEST_TIMEOUT_MS = 15_000;

export type SelfTestResult =
  | { ok: true; durationMs: number }
  | { ok: false; problem: KeychainProblem; /** The raw error text, for the log. */ detail: string };

class SelfTestTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SelfTestTimeout(`The keychain did not answer within ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probe(items: KeyringItems): Promise<void> {
  const account = `${SELF_TEST_ACCOUNT_PREFIX}${randomBytes(6).toString('hex')}`;
  const canary = `canary-${randomBytes(12).toString('hex')}`;
  await items.set(account, canary);
  try {
    const readBack = await items.get(account);
    if (readBack !== canary) throw new Error('The keychain accepted a test item but did not give it back.');
  } finally {
    await items.delete(account).catch(() => false);
  }
}

export async function runVaultSelfTest(
  items: KeyringItems,
  options: { timeoutMs?: number } = {},
): Promise<SelfTestResult> {
  const started = performance.now();
  try {
    await withTimeout(probe(items), options.timeoutMs ?? DEFAULT_SELF_TEST_TIMEOUT_MS);
    return { ok: true, durationMs: performance.now() - started };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: explainKeychainError(error), detail };
  }
}
