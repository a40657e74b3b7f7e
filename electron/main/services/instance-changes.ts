/**
 * Changing or removing an instance touches two services in a fixed order: the registry holds the instance and
 * its secrets, the session manager holds its live session. Here, and only here, are they kept in step.
 */
import type { Instance, InstancePatch } from '../../../shared/ipc/contract.ts';
import type { InstanceRegistry } from './instance-registry.ts';
import type { InstanceChange, SessionManager } from './session-manager.ts';
import type { SessionProfiles } from './sessions/session-profiles.ts';

/** Does the change matter to a live session (another server, key, certificate or plain-HTTP consent)? */
function affectsSession(before: Instance, after: Instance, change: InstanceChange): boolean {
  return (
    change.urlChanged ||
    change.apiKeyChanged ||
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
    const updated = await this.registry.update(id, patch);
    const change: InstanceChange = {
      urlChanged: updated.url !== before.url,
      // The registry also drops the key itself when the instance moves to another origin.
      apiKeyChanged: patch.apiKey !== undefined || updated.hasApiKey !== before.hasApiKey,
    };
    if (previousLogin !== undefined) change.previousLogin = previousLogin;
    if (affectsSession(before, updated, change)) await this.sessions.instanceUpdated(id, change);
    return updated;
  }

  async remove(id: string): Promise<void> {
    this.registry.assertInstance(id);
    await this.sessions.instanceRemoving(id);
    await this.registry.remove(id);
    this.profiles.delete(id);
  }
}
