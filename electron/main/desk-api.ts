/**
 * The DeskApi the IPC router and the e2e harness expose, over the desk's services. Every method rejects only
 * with a DeskError (docs/errors.md): the request proxy guarantees that itself, so `request` only has its
 * rejections scrubbed; the other calls are wrapped. No message leaves with an API key or token DF Desk holds
 * (KnownSecrets), in whatever form a server quoted it.
 */
import type { DeskApi } from '../../shared/ipc/contract.ts';
import type { DeskNotices } from './desk-notices.ts';
import type { Logger, SecretVault } from './ports.ts';
import type { Diagnostics } from './services/diagnostics.ts';
import type { Doctor } from './services/doctor.ts';
import type { InstanceChanges } from './services/instance-changes.ts';
import type { InstanceRegistry } from './services/instance-registry.ts';
import type { RequestProxy } from './services/request-proxy.ts';
import { asDeskError } from './services/requests/to-desk-error.ts';
import type { SessionManager } from './services/session-manager.ts';
import type { KnownSecrets } from './services/sessions/known-secrets.ts';
import type { AppInfo } from './services/updates/app-info.ts';
import type { UpdateService } from './services/updates/update-service.ts';
import type { DeskError } from '../../shared/ipc/desk-error.ts';

export interface DeskServices {
  registry: InstanceRegistry;
  changes: InstanceChanges;
  sessions: SessionManager;
  proxy: RequestProxy;
  diagnostics: Diagnostics;
  doctor: Doctor;
  vault: SecretVault;
  notices: DeskNotices;
  appInfo: AppInfo;
  updates: UpdateService;
  logger: Logger;
  /** The secrets no error message may carry. */
  secrets: KnownSecrets;
}

export function createDeskApi(services: DeskServices): DeskApi {
  const { registry, changes, sessions, proxy, diagnostics, doctor, vault, notices, logger, secrets } = services;
  const { appInfo, updates } = services;
  const scrubbed = (error: DeskError): never => {
    throw secrets.scrubError(error);
  };
  const guarded = <T>(task: () => Promise<T>) => asDeskError(task, logger).catch(scrubbed);
  return {
    instances: {
      list: () => guarded(async () => registry.list()),
      add: (input) => guarded(() => registry.add(input)),
      update: (id, patch) => guarded(() => changes.update(id, patch)),
      remove: (id) => guarded(() => changes.remove(id)),
      probe: (input) => guarded(() => diagnostics.probe(input)),
      doctor: (id) => guarded(() => doctor.facts(id)),
    },
    session: {
      signIn: (id, credentials) => guarded(() => sessions.signIn(id, credentials)),
      signOut: (id) => guarded(() => sessions.signOut(id)),
      status: (id) => guarded(() => sessions.status(id)),
      refresh: (id) => guarded(() => sessions.refresh(id)),
    },
    // One more promise per request; only a rejection is touched.
    request: (id, request) => proxy.request(id, request).catch(scrubbed),
    vault: { health: async () => ({ ...vault.health() }) },
    notices: async () => notices.list(),
    info: async () => ({ version: appInfo.version, packaged: appInfo.packaged, updates: updates.status() }),
    update: {
      check: () => guarded(() => updates.checkNow()),
      restart: () => guarded(async () => updates.restartToUpdate()),
    },
    onSessionChanged: (listener) => sessions.onChange(listener),
    onInstancesChanged: (listener) => registry.onChange(listener),
    onUpdateChanged: (listener) => updates.onChange(listener),
  };
}
