/**
 * Main → renderer pushes: session, instance-list and update changes are sent to every trusted window on
 * `desk:<event>`. The preload hands listeners the payload only.
 */
import { type DeskApi, type DeskEventName, type DeskEvents, ipcPrefix } from '../../../shared/ipc/contract.ts';

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export function sendEvent<E extends DeskEventName>(
  targets: Iterable<EventTarget>,
  event: E,
  payload: DeskEvents[E],
  warn: (message: string) => void,
): void {
  for (const target of targets) {
    if (target.isDestroyed()) continue;
    try {
      target.send(ipcPrefix + event, payload);
    } catch {
      // A window closing mid-send must not stop the others from getting the event.
      warn(`Could not deliver ${event} to a window.`);
    }
  }
}

/** Subscribes to the desk's events and forwards them; returns the unsubscribe. */
export function startEventPush(
  api: Pick<DeskApi, 'onSessionChanged' | 'onInstancesChanged' | 'onUpdateChanged'>,
  targets: () => Iterable<EventTarget>,
  warn: (message: string) => void,
): () => void {
  const offSession = api.onSessionChanged((status) => sendEvent(targets(), 'session.changed', status, warn));
  const offInstances = api.onInstancesChanged((instances) => sendEvent(targets(), 'instances.changed', instances, warn));
  const offUpdate = api.onUpdateChanged((status) => sendEvent(targets(), 'update.changed', status, warn));
  return () => {
    offSession();
    offInstances();
    offUpdate();
  };
}
