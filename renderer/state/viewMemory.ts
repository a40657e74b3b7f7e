/**
 * What each instance's views were showing, so switching to another instance and back lands where the user was:
 * the picked service and table, each table's page, filter and sort, the last login. In memory only (it may name
 * people and data), gone with the window, and dropped when the instance is removed.
 */
export class ViewMemory {
  private readonly byInstance = new Map<string, Map<string, unknown>>();

  get<T>(instanceId: string, key: string): T | undefined {
    return this.byInstance.get(instanceId)?.get(key) as T | undefined;
  }

  set<T>(instanceId: string, key: string, value: T): void {
    let entries = this.byInstance.get(instanceId);
    if (!entries) {
      entries = new Map();
      this.byInstance.set(instanceId, entries);
    }
    entries.set(key, value);
  }

  forget(instanceId: string): void {
    this.byInstance.delete(instanceId);
  }

  /** Drops what belonged to instances no longer listed (removed here or in another window). */
  keepOnly(instanceIds: ReadonlySet<string>): void {
    for (const id of [...this.byInstance.keys()]) if (!instanceIds.has(id)) this.byInstance.delete(id);
  }
}
