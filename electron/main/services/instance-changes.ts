/**
 * Changing or removing an instance touches two services in a fixed order: the registry holds the instance and
 * its secrets, the session manager holds its live session. Here, and only here, are they kept in step.
 */
import type { Instance, InstancePatch } from '../../../shared/ipc/contract.ts';
import type { InstanceRegistry } from './instance-registry.ts';
import { pinChangeReason } from './instances/credential-binding.ts';
import type { InstanceChange, SessionManager } from './session-manager.ts';
import type { SessionProfiles } from './sessions/session-profiles.ts';

/** Does the change matter to a live session (another server, key, certificate or plain-HTTP consent)? */
function affectsSession(before: Instance, after: Instance, change: InstanceChange): boolean {
  return (
    change.urlChanged ||
    change.apiKeyChanged ||
    change.credentialsMoved === true ||
    after.allowInsecureHttp !== before.allowInsecureHttp ||
    after.trustedCertificateSha256 !== before.trustedCertificateSha256
  );
}

export class InstanceChanges {
  constructor(
    private readonly registry: InstanceRegistry,
    private readonly sessions: SessionManager,
    private readonly profiles: SessionProfiles,
  ) {}

  async update(id: string, patch: InstancePatch): Promise<Instance> {
    const before = this.registry.get(id);
    const previousLogin = this.registry.getLastLogin(id)?.login;
    // Announced once the session has followed: a window reloading on the event then sees the new key at work.
    const outcome = await this.registry.applyUpdate(id, patch, { announce: false });
    const updated = outcome.instance;
    const change: InstanceChange = {
      urlChanged: updated.url !== before.url,
      // The registry also drops the key itself when the instance moves to another origin or certificate.
      apiKeyChanged: patch.apiKey !== undefined || updated.hasApiKey !== before.hasApiKey,
    };
    if (previousLogin !== undefined) change.previousLogin = previousLogin;
    if (outcome.moved) change.credentialsMoved = true;
    // A new trusted certificate is a new party to talk to: the session and the key given to the old one end,
    // and the user is told why.
    const reason = outcome.pinChanged
      ? pinChangeReason({ apiKey: outcome.apiKeyDropped, session: previousLogin !== undefined })
      : undefined;
    if (reason !== undefined) change.reason = reason;
    try {
      if (affectsSession(before, updated, change)) await this.sessions.instanceUpdated(id, change);
    } finally {
      this.registry.announce();
    }
    return updated;
  }

  async remove(id: string): Promise<void> {
    this.registry.assertInstance(id);
    // Ends the session first (signed out on the server, within the time limit): no token of the instance is
    // written after this, so the registry's deletion of its entries is the last word.
    await this.sessions.instanceRemoving(id);
    await this.registry.remove(id);
    this.profiles.delete(id);
  }
}
