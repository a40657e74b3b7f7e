import { useState } from 'react';
import {
  createRecords,
  type DfHttp,
  type DfRecord,
  type DfRecordKey,
  deleteRecordByKey,
  describeRecordKey,
  recordKey,
  updateRecordByKey,
} from '../../../shared/df/api.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { Instance } from '../../../shared/ipc/contract.ts';
import { uiError } from '../../uiError.ts';
import { useGuardedWrite } from '../instances/useGuardedWrite.ts';
import { answeredBySignIn, useSignedIn } from '../session/useSignedIn.ts';
import { deleteIntent, saveIntent } from './recordWriteIntents.tsx';

export type Editing = { mode: 'create' } | { mode: 'edit'; record: DfRecord; key: DfRecordKey } | null;

export interface RecordTable {
  instance: Instance;
  api: DfHttp;
  service: string;
  table: string;
  primaryKey: readonly string[];
}

export interface RecordWritesState {
  editing: Editing;
  setEditing(editing: Editing): void;
  /** The key label of the record being deleted, once the user said yes. */
  deleting: string | null;
  /** Why the last delete failed (a failed save shows in the editor instead). */
  actionError: DeskError | null;
  remove(record: DfRecord): Promise<void>;
  /** Saves the editor's values; resolves false when the user backed out of the confirmation. */
  save(values: DfRecord): Promise<boolean>;
}

/** Create, edit and delete one table's records, with the confirmations each write needs. */
export function useRecordWrites(target: RecordTable, onWritten: () => void): RecordWritesState {
  const { instance, api, service, table, primaryKey } = target;
  const guardedWrite = useGuardedWrite(instance);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [actionError, setActionError] = useState<DeskError | null>(null);
  const where = { where: `${service}.${table}`, instanceName: instance.name };
  useSignedIn(instance.id, () => {
    if (answeredBySignIn(actionError)) setActionError(null);
  });

  async function remove(record: DfRecord) {
    const key = recordKey(record, primaryKey);
    if (!key) return;
    const label = describeRecordKey(key);
    setActionError(null);
    try {
      const result = await guardedWrite(deleteIntent(label, where), (confirmed) => {
        // Busy only once the user has said yes: a spinner behind an open "Delete?" dialog reads as "already deleting".
        setDeleting(label);
        return deleteRecordByKey(api, service, table, key, { request: { confirmed } });
      });
      if (result.done) onWritten();
    } catch (failure) {
      setActionError(uiError(failure));
    } finally {
      setDeleting(null);
    }
  }

  async function save(values: DfRecord): Promise<boolean> {
    if (!editing) return false;
    const current = editing;
    const keyLabel = current.mode === 'edit' ? describeRecordKey(current.key) : undefined;
    const result = await guardedWrite(saveIntent(keyLabel, where), (confirmed) =>
      current.mode === 'edit'
        ? updateRecordByKey(api, service, table, current.key, values, { request: { confirmed } })
        : createRecords(api, service, table, [values], { request: { confirmed } }),
    );
    if (result.done) onWritten();
    return result.done;
  }

  return { editing, setEditing, deleting, actionError, remove, save };
}
