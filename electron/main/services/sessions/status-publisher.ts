/**
 * Pushes session statuses to listeners (the renderer's `session.changed` event), once per real change: the
 * same status twice in a row is not sent again.
 */
import type { SessionStatus } from '../../../../shared/ipc/contract.ts';
import type { Logger } from '../../ports.ts';

export class StatusPublisher {
  private readonly listeners = new Set<(status: SessionStatus) => void>();
  private readonly lastSent = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(listener: (status: SessionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(status: SessionStatus): void {
    const fingerprint = JSON.stringify(status);
    if (this.lastSent.get(status.instanceId) === fingerprint) return;
    this.lastSent.set(status.instanceId, fingerprint);
    for (const listener of [...this.listeners]) {
      try {
        listener(status);
      } catch (error) {
        this.logger.error('A session listener failed.', { error });
      }
    }
  }

  /** The instance is gone: a later instance with the same id starts with a clean slate. */
  forget(instanceId: string): void {
    this.lastSent.delete(instanceId);
  }

  clear(): void {
    this.listeners.clear();
  }
}
