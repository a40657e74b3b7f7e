// The registry's pure parts: what the renderer sees of a stored instance, input checks, and what an update
// of one stored instance becomes before it is saved.
import type { z } from 'zod';
import type { Instance, InstancePatch } from '../../../../shared/ipc/contract.ts';
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import { defaultColorFor } from './instance-defaults.ts';
import { validateInstanceUrl } from './instance-url.ts';
import type { StoredInstance } from './settings-document.ts';

const insecureHttpMessage =
  'Plain http:// sends your password and session token unencrypted over the network. Use https://, or confirm plain HTTP for this instance.';
const pinNeedsHttpsMessage = 'A certificate can only be trusted for an https:// address.';

export function toInstance(stored: StoredInstance): Instance {
  const instance: Instance = {
    id: stored.id,
    name: stored.name,
    url: stored.url,
    tag: stored.tag,
    color: stored.color,
    favorite: stored.favorite,
    hasApiKey: stored.hasApiKey,
    allowInsecureHttp: stored.allowInsecureHttp,
  };
  if (stored.trustedCertificateSha256 !== undefined) instance.trustedCertificateSha256 = stored.trustedCertificateSha256;
  return instance;
}

export function checkedPin(url: string, pin: string | undefined): string | undefined {
  if (pin !== undefined && !url.startsWith('https://')) throw new DeskError('invalid-input', pinNeedsHttpsMessage);
  return pin;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DeskError('invalid-input', result.error.issues[0]?.message ?? 'The instance details are not valid.');
  }
  return result.data;
}

/** scheme://host[:port] of a normalised instance URL (URL drops a default port, so :443 equals none). */
export function originOf(url: string): string {
  return new URL(url).origin;
}

export function checkedUrl(rawUrl: string, allowInsecureHttp: boolean): string {
  const { url, insecure } = validateInstanceUrl(rawUrl);
  if (insecure && !allowInsecureHttp) throw new DeskError('invalid-input', insecureHttpMessage);
  return url;
}

/**
 * What an update of one stored instance becomes, before it is saved (pure). The key and the session are the
 * registry's business (they depend on where the keychain says they belong).
 */
export function updatedInstance(current: StoredInstance, patch: InstancePatch, url: string, allowInsecureHttp: boolean): StoredInstance {
  // A pinned certificate was trusted for one host:port: a move to another origin forgets it.
  const samePlace = originOf(url) === originOf(current.url);
  const pin = checkedPin(
    url,
    patch.trustedCertificateSha256 === null
      ? undefined
      : (patch.trustedCertificateSha256 ?? (samePlace ? current.trustedCertificateSha256 : undefined)),
  );
  const tag = patch.tag ?? current.tag;
  // The color follows a new tag unless the user picked one of their own.
  const keptDefaultColor = current.color.toLowerCase() === defaultColorFor(current.tag);
  const color = patch.color?.toLowerCase() ?? (keptDefaultColor ? defaultColorFor(tag) : current.color);
  const updated: StoredInstance = {
    ...current,
    name: patch.name ?? current.name,
    url,
    tag,
    color,
    favorite: patch.favorite ?? current.favorite,
    allowInsecureHttp,
  };
  if (pin === undefined) delete updated.trustedCertificateSha256;
  else updated.trustedCertificateSha256 = pin;
  // A session token belongs to the server it came from: a new address forgets which login to restore.
  if (url !== current.url) delete updated.lastLogin;
  return updated;
}
