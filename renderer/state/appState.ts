import type { DeskInfo, DeskNotice, DeskNoticeKind } from '../../shared/ipc/contract.ts';
import type { DeskClient } from '../deskClient.ts';
import { createStore } from './store.ts';

/**
 * What the window knows about DF Desk itself: its version and where its updates stand (kept current by the
 * main process's `update.changed`), and the notices the main process has for the user. A page loaded again
 * after a crash asks for the notices too, which is how it learns that it was reloaded.
 */
export class AppState {
  /** `null` until the main process answered, and when it could not: the UI then shows no version at all. */
  readonly info = createStore<DeskInfo | null>(null);
  readonly notices = createStore<readonly DeskNotice[]>([]);

  /** Loads both and follows update changes; returns the unsubscribe. */
  follow(client: DeskClient): () => void {
    const stop = client.on('update.changed', (updates) => {
      this.info.set((previous) => (previous === null ? previous : { ...previous, updates }));
    });
    void this.load(client);
    return stop;
  }

  dismissNotice(kind: DeskNoticeKind): void {
    this.notices.set((previous) => previous.filter((notice) => notice.kind !== kind));
  }

  private async load(client: DeskClient): Promise<void> {
    const [info, notices] = await Promise.allSettled([client.call('desk.info', {}), client.call('desk.notices', {})]);
    // Neither is needed to work with DF: without an answer the window simply shows no version and no notice.
    if (info.status === 'fulfilled') this.info.set(info.value);
    if (notices.status === 'fulfilled') this.notices.set(notices.value);
  }
}
