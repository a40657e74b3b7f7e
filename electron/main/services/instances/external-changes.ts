/**
 * Another process on the same data folder (a `dfdesk` command) changed the settings file: an instance added
 * or removed, a sign-in or a sign-out. The running app follows: every window gets the new list, a sign-in made
 * elsewhere is restored from the keychain (no password asked), and a sign-out made elsewhere ends the app's
 * session too. The file is polled by its stat (fs.watchFile), which survives the atomic rename conf writes with.
 * The app's own writes pass through here as well and change nothing: they already match the live sessions.
 */
import { unwatchFile, watchFile } from 'node:fs';
import type { SessionStatus } from '../../../../shared/ipc/contract.ts';
import type { Logger } from '../../ports.ts';
import type { InstanceRegistry } from '../instance-registry.ts';

export const SETTINGS_POLL_MS = 1000;

export interface ExternalChangeSessions {
  status(instanceId: string): Promise<SessionStatus>;
  /**
   * Rebuilds the instance's client around the stored token (what a new API key does): an ended session is
   * closed, keeping the keychain entry, and the sign-in saved there is restored.
   */
  instanceUpdated(instanceId: string, change: { urlChanged: false; apiKeyChanged: true }): Promise<void>;
  signOut(instanceId: string): Promise<SessionStatus>;
}

export interface ExternalChangesDeps {
  settingsPath: string;
  /** The settings store reads the file again only every 250 ms; the poll has just seen it change. */
  revalidate: () => void;
  registry: Pick<InstanceRegistry, 'list' | 'getLastLogin' | 'announce'>;
  sessions: ExternalChangeSessions;
  logger: Logger;
  intervalMs?: number;
}

type Snapshot = Map<string, string>;

function snapshotOf(registry: ExternalChangesDeps['registry']): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const instance of registry.list()) {
    const last = registry.getLastLogin(instance.id);
    snapshot.set(instance.id, `${JSON.stringify(instance)}|${last === undefined ? '' : `${last.login}|${last.admin}`}`);
  }
  return snapshot;
}

const live = (status: SessionStatus) => status.state === 'active' || status.state === 'refreshing';

/** Brings one instance's session in line with the file's sign-in, once its line changed. */
async function follow(deps: ExternalChangesDeps, id: string): Promise<void> {
  const signedInElsewhere = deps.registry.getLastLogin(id) !== undefined;
  const status = await deps.sessions.status(id);
  if (signedInElsewhere && !live(status)) {
    deps.logger.info('A sign-in made by another DF Desk process is used here too.', { instanceId: id });
    await deps.sessions.instanceUpdated(id, { urlChanged: false, apiKeyChanged: true });
  } else if (!signedInElsewhere && live(status)) {
    deps.logger.info('Another DF Desk process signed out; the session ends here too.', { instanceId: id });
    await deps.sessions.signOut(id);
  }
}

export interface ExternalChangesWatch {
  /** One comparison now (the poll calls it; tests too). */
  check(): Promise<void>;
  stop(): void;
}

export function watchExternalChanges(deps: ExternalChangesDeps): ExternalChangesWatch {
  let known = snapshotOf(deps.registry);
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const compare = async () => {
    if (stopped) return;
    deps.revalidate();
    const next = snapshotOf(deps.registry);
    const changed = [...new Set([...known.keys(), ...next.keys()])].filter((id) => known.get(id) !== next.get(id));
    known = next;
    if (changed.length === 0) return;
    deps.registry.announce();
    for (const id of changed.filter((id) => next.has(id))) {
      await follow(deps, id).catch((error: unknown) => {
        deps.logger.warn('Could not follow a change made by another DF Desk process.', { instanceId: id, error });
      });
    }
  };
  // One comparison at a time: a burst of writes must not start two restores of one session.
  const check = () => {
    running = running.then(compare, compare);
    return running;
  };
  const onStat = () => {
    void check();
  };
  // Not persistent: the watch must never keep a process (or a test) alive.
  watchFile(deps.settingsPath, { interval: deps.intervalMs ?? SETTINGS_POLL_MS, persistent: false }, onStat);
  return {
    check,
    stop() {
      stopped = true;
      unwatchFile(deps.settingsPath, onStat);
    },
  };
}
