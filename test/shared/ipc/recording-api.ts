import type {
  DeskApi,
  DeskInfo,
  DoctorFacts,
  Instance,
  ProbeReport,
  SessionStatus,
  UpdateStatus,
  VaultHealth,
} from '../../../shared/ipc/contract.ts';

/** A DeskApi whose every method records its arguments and answers with a fixed value (or throws `failWith`). */
export interface RecordingApi {
  api: DeskApi;
  calls: Array<{ method: string; args: unknown[] }>;
  failWith: { error: unknown } | null;
  emitSession(status: SessionStatus): void;
  emitInstances(instances: Instance[]): void;
  emitUpdate(status: UpdateStatus): void;
  listenerCount(): number;
}

export const sampleInstance: Instance = {
  id: 'inst-1',
  name: 'Local DF',
  url: 'http://127.0.0.1:8080',
  tag: 'dev',
  color: '#336699',
  favorite: false,
  hasApiKey: true,
  allowInsecureHttp: false,
};

export const sampleStatus: SessionStatus = {
  instanceId: 'inst-1',
  state: 'active',
  admin: false,
  forever: false,
  refreshCount: 0,
  persistence: 'keychain',
};

const vault: VaultHealth = { mode: 'keychain' };
const probe: ProbeReport = {
  url: 'http://127.0.0.1:8080',
  reachable: true,
  isDreamFactory: true,
  apiKeyAccepted: null,
  authMethods: [],
  checks: [],
  vault,
  server: { kind: 'environment', allowForeverSessions: false, loginAttribute: 'email' },
};
const doctorFacts: DoctorFacts = { checkedAt: 1, url: probe.url, server: probe.server, session: null };
export const sampleInfo: DeskInfo = { version: '1.2.3', packaged: true, updates: { state: 'idle' } };

export function createRecordingApi(): RecordingApi {
  const sessionListeners = new Set<(s: SessionStatus) => void>();
  const instanceListeners = new Set<(i: Instance[]) => void>();
  const updateListeners = new Set<(u: UpdateStatus) => void>();
  const state: RecordingApi = {
    calls: [],
    failWith: null,
    api: undefined as unknown as DeskApi,
    emitSession: (status) => {
      for (const l of sessionListeners) l(status);
    },
    emitInstances: (instances) => {
      for (const l of instanceListeners) l(instances);
    },
    emitUpdate: (status) => {
      for (const l of updateListeners) l(status);
    },
    listenerCount: () => sessionListeners.size + instanceListeners.size + updateListeners.size,
  };
  const answer = <T>(method: string, args: unknown[], value: T): Promise<T> => {
    state.calls.push({ method, args });
    if (state.failWith !== null) return Promise.reject(state.failWith.error);
    return Promise.resolve(value);
  };
  state.api = {
    instances: {
      list: (...args) => answer('instances.list', args, [sampleInstance]),
      add: (...args) => answer('instances.add', args, sampleInstance),
      update: (...args) => answer('instances.update', args, sampleInstance),
      remove: (...args) => answer('instances.remove', args, undefined),
      probe: (...args) => answer('instances.probe', args, probe),
      doctor: (...args) => answer('instances.doctor', args, doctorFacts),
    },
    session: {
      signIn: (...args) => answer('session.signIn', args, sampleStatus),
      signOut: (...args) => answer('session.signOut', args, { ...sampleStatus, state: 'signed-out' as const }),
      status: (...args) => answer('session.status', args, sampleStatus),
      refresh: (...args) => answer('session.refresh', args, sampleStatus),
    },
    request: (...args) => answer('request', args, { status: 200, data: { resource: [] }, headers: {}, durationMs: 1 }),
    vault: { health: (...args) => answer('vault.health', args, vault) },
    notices: (...args) => answer('desk.notices', args, []),
    info: (...args) => answer('desk.info', args, sampleInfo),
    update: {
      check: (...args) => answer('update.check', args, sampleInfo.updates),
      restart: (...args) => answer('update.restart', args, undefined),
    },
    onSessionChanged: (listener) => {
      sessionListeners.add(listener);
      return () => sessionListeners.delete(listener);
    },
    onInstancesChanged: (listener) => {
      instanceListeners.add(listener);
      return () => instanceListeners.delete(listener);
    },
    onUpdateChanged: (listener) => {
      updateListeners.add(listener);
      return () => updateListeners.delete(listener);
    },
  };
  return state;
}
