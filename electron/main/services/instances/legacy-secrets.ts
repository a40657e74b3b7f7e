/**
 * The keychain as the registry finds it: the binding of an instance's secrets (credential-binding.ts), and the
 * move of entries saved before scheme 2 (vault-accounts.ts) to their new names.
 *
 * An instance saved before the binding existed has no tag. Its entries are moved, and bound to the address in
 * the settings, at their first use, unless something contradicts that address: the last login's token names
 * its issuer (`iss`), which the server signed and no settings edit can change. A token from another origin
 * leaves everything where it is and sends nothing (the settings were edited). Without a token (signed out,
 * only an API key), nothing can vouch for the address: the key is bound to it on trust at this first use. An
 * attacker who edited settings.json before the first start of this version could still collect that key
 * once, as every earlier version would have sent it to them at every start; every later edit is caught.
 */
import type { Logger, SecretVault } from '../../ports.ts';
import type { CredentialBinding } from './credential-binding.ts';
import { formatBinding, issuerOrigin, parseBinding } from './credential-binding.ts';
import { apiKeyAccount, bindingAccount, legacyApiKeyAccount, legacyTokenAccount, tokenAccount } from './vault-accounts.ts';

export type SavedBinding =
  /** The tag this version wrote. */
  | { kind: 'tag'; binding: CredentialBinding }
  /** No tag; the last login's scheme-1 token names its issuer (the pin is not part of that evidence). */
  | { kind: 'token'; origin: string }
  /** No tag, and nothing that tells: the first use binds the entries to the settings. */
  | { kind: 'none' }
  /** A tag this version cannot read. */
  | { kind: 'unreadable' };

export async function readSavedBinding(vault: SecretVault, instanceId: string, lastLogin: string | undefined): Promise<SavedBinding> {
  const tag = await vault.get(bindingAccount(instanceId));
  if (tag !== null) {
    const binding = parseBinding(tag);
    return binding === null ? { kind: 'unreadable' } : { kind: 'tag', binding };
  }
  const token = lastLogin === undefined ? null : await vault.get(legacyTokenAccount(instanceId, lastLogin));
  const origin = token === null ? null : issuerOrigin(token);
  return origin === null ? { kind: 'none' } : { kind: 'token', origin };
}

/** Writes the tag; a keychain that refuses it costs only the check (the next use binds again). */
export async function writeBinding(vault: SecretVault, instanceId: string, binding: CredentialBinding, logger: Logger): Promise<void> {
  try {
    await vault.set(bindingAccount(instanceId), formatBinding(binding));
  } catch (error) {
    logger.warn('Could not save where the secrets of an instance belong.', { instanceId, error });
  }
}

const JWT_SHAPED = /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/;

/**
 * Moves the scheme-1 entries of an instance whose settings were found to agree with them (the key, and the
 * last login's token when its issuer matches), then tags the instance. New entries are never overwritten.
 */
export async function moveLegacySecrets(
  vault: SecretVault,
  instanceId: string,
  binding: CredentialBinding,
  lastLogin: string | undefined,
  logger: Logger,
): Promise<void> {
  const moved = { keyMoved: false, sessionMoved: false };
  const key = await vault.get(legacyApiKeyAccount(instanceId));
  // On Windows a scheme-1 login "API-KEY" overwrote the key with its token: a JWT is never a DF API key.
  if (key !== null && !JWT_SHAPED.test(key) && (await vault.get(apiKeyAccount(instanceId))) === null) {
    await vault.set(apiKeyAccount(instanceId), key);
    moved.keyMoved = true;
  }
  if (lastLogin !== undefined) {
    const token = await vault.get(legacyTokenAccount(instanceId, lastLogin));
    const fresh = token !== null && (await vault.get(tokenAccount(instanceId, lastLogin))) === null;
    if (fresh && issuerOrigin(token) === binding.origin) {
      await vault.set(tokenAccount(instanceId, lastLogin), token);
      moved.sessionMoved = true;
    }
  }
  await writeBinding(vault, instanceId, binding, logger);
  const legacy = [legacyApiKeyAccount(instanceId), ...(lastLogin === undefined ? [] : [legacyTokenAccount(instanceId, lastLogin)])];
  for (const account of legacy) await vault.delete(account).catch(() => false);
  if (moved.keyMoved || moved.sessionMoved) logger.info('Moved the keychain entries of an instance to their new names.', { instanceId, ...moved });
}
