/**
 * The check before anything is sent for an instance (issue 8, item 7): its saved credentials must belong
 * where settings.json now points (instances/credential-binding.ts). An instance that fails it is blocked, with
 * the reason as its session status, and refuses sign-in and requests until its settings are saved again.
 */
import { DeskError } from '../../../../shared/ipc/desk-error.ts';
import type { Logger } from '../../ports.ts';
import type { InstanceRegistry } from '../instance-registry.ts';
import type { PublishedSessions } from './published-sessions.ts';

export class CredentialGate {
  constructor(
    private readonly registry: Pick<InstanceRegistry, 'credentialProblem'>,
    private readonly sessions: PublishedSessions,
    private readonly logger: Logger,
  ) {}

  /** Why nothing may be sent for the instance (and the instance blocked), or undefined. */
  async problem(instanceId: string): Promise<string | undefined> {
    let reason: string | undefined;
    try {
      reason = await this.registry.credentialProblem(instanceId);
    } catch (error) {
      // The keychain cannot be read: neither can the key or the token, so nothing would be sent with them.
      this.logger.warn('Could not check where the saved credentials belong.', { instanceId, error });
      return undefined;
    }
    if (reason !== undefined) {
      this.sessions.block(instanceId, reason);
      this.logger.warn('The saved credentials belong to another address or certificate; nothing was sent.', { instanceId });
    }
    return reason;
  }

  /** Throws 'refused' with the reason when the instance is blocked, or is found to be now. */
  async assertSendable(instanceId: string): Promise<void> {
    const reason = this.sessions.blockedReason(instanceId) ?? (await this.problem(instanceId));
    if (reason !== undefined) throw new DeskError('refused', reason);
  }
}
