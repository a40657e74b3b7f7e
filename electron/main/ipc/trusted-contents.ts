/**
 * The webContents DF Desk created for its own windows. The sender check trusts only these ids, and events are
 * pushed only to these. An entry leaves when its webContents is destroyed.
 */

export interface TrackableContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface TrustedContents {
  add(contents: TrackableContents): void;
  has(id: number): boolean;
  list(): TrackableContents[];
}

export function createTrustedContents(): TrustedContents {
  const byId = new Map<number, TrackableContents>();
  return {
    add(contents) {
      if (contents.isDestroyed()) return;
      byId.set(contents.id, contents);
      contents.once('destroyed', () => {
        if (byId.get(contents.id) === contents) byId.delete(contents.id);
      });
    },
    has: (id) => byId.has(id),
    list: () => [...byId.values()].filter((c) => !c.isDestroyed()),
  };
}
