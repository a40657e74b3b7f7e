/**
 * Where a harness keeps its state: a data directory (settings.json, logs/) plus keychain items under a
 * keychain service named after that directory. Tests run under a private keyring (scripts/start-keyring.sh),
 * and the per-directory service keeps even a run against a developer's real keyring away from "DF Desk".
 */
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadKeytarModule } from '../../electron/main/adapters/keytar-vault.ts';

export function vaultServiceFor(dataDir: string): string {
  return `DF Desk e2e ${basename(dataDir)}`;
}

/** Deletes the data directory and every keychain item the desk stored for it. */
export async function removeDeskData(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  try {
    const keytar = await loadKeytarModule();
    const service = vaultServiceFor(dataDir);
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  } catch {
    // No keychain (the desk then ran in memory-only mode): nothing was stored there.
  }
}
