/**
 * Another process on the same data folder (a `dfdesk` command) changed the settings file: an instance added
 * or removed, a sign-in or a sign-out. The running app follows: every window gets the new list, a sign-in made
 * elsewhere (as anyone) is restored from the keychain with no password, and a sign-out made elsewhere ends the
 * app's session too. The file is polled by its stat (fs.watchFile), which survives the atomic rename conf writes
 * with. Only a change of an instance's saved sign-in moves a session, and only when it differs from who the app
 * is signed in as: the app's own sign-ins and sign-outs, renames and ended sessions leave the sessions alone.
 */
import { unwatchFile, watchFile } from 'node:fs';
import type { SessionStatus } from '../../../../shared/ipc/contract.ts';
import type { Logger } from '../../ports.ts';
import type { InstanceRegistry } from '../instance-registry.ts';

export const SETTINGS_POLL_MS = 1000;

type Login = { login: string; admin: boolean };

export interface ExternalChangeSessions {
  /** Who the live session is signed in as, or null when none is live. */
  liveLogin(instanceId: string): Login | null;
  /**
   * Rebuilds the instance's client around the stored token (what a new API key does): a session that ended,
   * or is signed in as someone else, is closed keeping the keychain entry, and the saved sign-in is restored.
   */
  instanceUpdated(instanceId: string, change: { urlChanged: false; apiKeyChanged: true }): Promise<void>;
  signOut(instanceId: string): Promise<SessionStatus>;
}

export interface ExternalChangesDeps {
  settingsPath: string;
  /** The settings store reads the file again only every 250 ms; the poll has just seen it change. */
  revalidate: () => void;
  registry: Pick<InstanceRegistry, 'list' | 'getLastLogin' | 'announce' | 'lastLoginSavedHere'>;
  sessions: ExternalChangeSessions;
  logger: Logger;
  intervalMs?: number;
}

interface Snapshot {
  /** Every instance as the windows see it, to tell whether the list changed. */
  list: string;
  /** Each instance's saved sign-in ('' when none). */
  logins: Map<string, string>;
}

const loginKey = (login: Login | undefined | null) => (login == null ? '' : `${login.admin ? 'admin' : 'user'}:${login.login.toLowerCase()}`);

/** With its time: a new sign-in as the same user (after the app's session ended) is a change too. */
const savedKey = (last: { login: string; admin: boolean; signedInAt?: number } | null | undefined) =>
  last == null ? '' : `${loginKey(last)}@${last.signedInAt ?? ''}`;

function snapshotOf(registry: ExternalChangesDeps['registry']): Snapshot {
  const instances = registry.list();
  const saved = (id: string) => savedKey(registry.getLastLogin(id));
  return { list: JSON.stringify(instances), logins: new Map(instances.map((instance) => [instance.id, saved(instance.id)])) };
}

/** The file's sign-in for `id` changed: bring the app's session in line, unless it already is. */
async function follow(deps: ExternalChangesDeps, id: string): Promise<void> {
  const saved = loginKey(deps.registry.getLastLogin(id));
  const live = loginKey(deps.sessions.liveLogin(id));
  if (saved === live) return;
  if (saved === '') {
    deps.logger.info('Another DF Desk process signed out; the session ends here too.', { instanceId: id });
    await deps.sessions.signOut(id);
    return;
  }
  deps.logger.info('A sign-in made by another DF Desk process is used here too.', { instanceId: id });
  await deps.sessions.instanceUpdated(id, { urlChanged: false, apiKeyChanged: true });
}

export interface ExternalChangesWatch {
  /** One comparison now (the poll calls it; tests too). Never rejects. */
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
    const previous = known;
    known = next;
    if (next.list !== previous.list) deps.registry.announce();
    for (const [id, saved] of next.logins) {
      if (previous.logins.get(id) === saved) continue;
      // This process wrote it (its own sign-in or sign-out): its sessions are already what the file says.
      const here = deps.registry.lastLoginSavedHere(id);
      if (here !== undefined && savedKey(here) === saved) continue;
      await follow(deps, id).catch((error: unknown) => {
        deps.logger.warn('Could not follow a change made by another DF Desk process.', { instanceId: id, error });
      });
    }
  };
  const guarded = () =>
    compare().catch((error: unknown) => {
      // A settings file caught mid-rename (Windows) or unreadable: the next change is compared again.
      deps.logger.warn('Could not read the settings another DF Desk process changed.', { error });
    });
  // One comparison at a time: a burst of writes must not start two restores of one session.
  const check = () => {
    running = running.then(guarded);
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
