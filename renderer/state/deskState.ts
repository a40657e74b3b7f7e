import type { Instance, ProbeReport, SessionStatus, VaultHealth } from '../../shared/ipc/contract.ts';
import type { DeskClient } from '../deskClient.ts';
import type { DeskError } from '../../shared/ipc/desk-error.ts';
import { uiError } from '../uiError.ts';
import { AppState } from './appState.ts';
import { createStore } from './store.ts';
import { ViewMemory } from './viewMemory.ts';

export interface InstancesState {
  list: Instance[];
  loaded: boolean;
  error?: DeskError;
}

/**
 * App-wide state that mirrors the main process: the instance list and each instance's session status, kept
 * current by the main process's pushed events, so every view shows the same truth.
 */
export class DeskState {
  readonly instances = createStore<InstancesState>({ list: [], loaded: false });
  readonly sessions = createStore<Readonly<Record<string, SessionStatus>>>({});
  readonly vault = createStore<VaultHealth | null>(null);
  /** Successful sign-ins per instance in this window: views drop failures that the new session has fixed. */
  readonly signIns = createStore<Readonly<Record<string, number>>>({});
  /** Per instance, what its views showed: restored when the user comes back to it. */
  readonly views = new ViewMemory();
  /** DF Desk itself: its version, its updates, and the notices for the user. */
  readonly app = new AppState();
  private readonly probes = new Map<string, Promise<ProbeReport>>();
  private stops: (() => void)[] = [];

  constructor(readonly client: DeskClient) {}

  start(): void {
    if (this.stops.length > 0) return;
    this.stops = [
      this.client.on('instances.changed', (list) => this.setInstances(list)),
      this.client.on('session.changed', (status) => this.putStatus(status)),
      this.app.follow(this.client),
    ];
    void this.reloadInstances();
    void this.checkVault();
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  async reloadInstances(): Promise<void> {
    try {
      this.setInstances(await this.client.call('instances.list', {}));
    } catch (error) {
      this.instances.set((previous) => ({ ...previous, loaded: true, error: uiError(error) }));
    }
  }

  setInstances(list: Instance[]): void {
    const known = this.sessions.get();
    this.instances.set({ list, loaded: true });
    const ids = new Set(list.map((instance) => instance.id));
    this.views.keepOnly(ids);
    if (Object.keys(known).some((id) => !ids.has(id))) {
      this.sessions.set((previous) => Object.fromEntries(Object.entries(previous).filter(([id]) => ids.has(id))));
    }
    for (const instance of list) if (!known[instance.id]) void this.refreshStatus(instance.id);
  }

  /** Puts a changed instance into the list at once, without waiting for the main process's event. */
  upsertInstance(instance: Instance): void {
    const list = this.instances.get().list;
    const next = list.some((item) => item.id === instance.id)
      ? list.map((item) => (item.id === instance.id ? instance : item))
      : [...list, instance];
    this.setInstances(next);
  }

  removeInstance(id: string): void {
    this.setInstances(this.instances.get().list.filter((item) => item.id !== id));
  }

  async refreshStatus(id: string): Promise<void> {
    try {
      this.putStatus(await this.client.call('session.status', { id }));
    } catch {
      // No status is shown as "unknown"; the next pushed event fills it in.
    }
  }

  putStatus(status: SessionStatus): void {
    this.sessions.set((previous) => ({ ...previous, [status.instanceId]: status }));
  }

  /** A sign-in through the UI succeeded: the new status, and a signal for the views that failed before it. */
  signedIn(status: SessionStatus): void {
    this.putStatus(status);
    const id = status.instanceId;
    this.signIns.set((previous) => ({ ...previous, [id]: (previous[id] ?? 0) + 1 }));
  }

  async checkVault(): Promise<void> {
    try {
      this.vault.set(await this.client.call('vault.health', {}));
    } catch {
      this.vault.set(null);
    }
  }

  /**
   * What the server says about signing in (login attribute, forever sessions). Asked once per URL because the
   * sign-in form and the session panel both need it and a probe is a few HTTP round trips.
   */
  probe(url: string, fresh = false): Promise<ProbeReport> {
    const cached = this.probes.get(url);
    if (cached && !fresh) return cached;
    const pending = this.client.call('instances.probe', { url });
    this.probes.set(url, pending);
    pending.catch(() => this.probes.delete(url));
    return pending;
  }

  /** A later check (the forever-sessions doctor) may have seen the server change: the next caller asks again. */
  forgetProbe(url: string): void {
    this.probes.delete(url);
  }

  rememberProbe(url: string, report: ProbeReport): void {
    this.probes.set(url, Promise.resolve(report));
  }
}
