import type { ConsoleDraft } from './consoleModel.ts';

/** What the user is composing per instance: kept across instance switches, in memory only (it may hold secrets). */
const drafts = new Map<string, ConsoleDraft>();

export function readDraft(instanceId: string): ConsoleDraft | undefined {
  return drafts.get(instanceId);
}

export function keepDraft(instanceId: string, draft: ConsoleDraft): void {
  drafts.set(instanceId, draft);
}

export function forgetDraft(instanceId: string): void {
  drafts.delete(instanceId);
}
