// What the user must be told at start: a settings file that was unreadable and moved aside, or migrated; and
// what the shell reports later, such as a window that crashed and was loaded again (shell/crash-recovery.ts
// words that one).
import type { DeskNotice } from '../../shared/ipc/contract.ts';
import type { OpenedSettings } from './adapters/settings-store.ts';
import type { DeskSettings } from './services/instances/settings-document.ts';

export function noticesFrom(opened: OpenedSettings<DeskSettings>): DeskNotice[] {
  const notices: DeskNotice[] = [];
  if (opened.recovered !== undefined) {
    notices.push({
      kind: 'settings-recovered',
      message: `DF Desk could not read its settings file: ${opened.recovered.reason} It was kept as ${opened.recovered.backupPath}, and DF Desk started with an empty instance list. Add your instances again, or restore them from that file.`,
    });
  }
  if (opened.migrated !== undefined) {
    notices.push({
      kind: 'settings-migrated',
      message: `Your settings were upgraded from an older DF Desk (schema ${opened.migrated.fromVersion} → ${opened.migrated.toVersion}). A copy of the old file was kept as ${opened.migrated.backupPath}. Instances on plain http:// must be confirmed again.`,
    });
  }
  return notices;
}

/** The notices of this run. A page loaded later (after a crash) asks for them when it starts. */
export class DeskNotices {
  private readonly items: DeskNotice[];

  constructor(initial: readonly DeskNotice[] = []) {
    this.items = initial.map((notice) => ({ ...notice }));
  }

  list(): DeskNotice[] {
    return this.items.map((notice) => ({ ...notice }));
  }

  /** One notice per kind: a window that crashes twice shows one notice, with the latest words. */
  add(notice: DeskNotice): void {
    const copy = { kind: notice.kind, message: notice.message };
    const at = this.items.findIndex((item) => item.kind === notice.kind);
    if (at === -1) this.items.push(copy);
    else this.items[at] = copy;
  }
}
