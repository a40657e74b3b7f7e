/** What the confirmation dialog says before a record is written or deleted. */
import type { WriteIntent } from '../instances/useGuardedWrite.ts';

export interface WriteTarget {
  /** `service.table`. */
  where: string;
  instanceName: string;
}

export function deleteIntent(label: string, { where, instanceName }: WriteTarget): WriteIntent {
  return {
    title: `Delete record ${label}?`,
    message: (
      <p>
        This deletes record <strong>{label}</strong> from <code>{where}</code> on <strong>{instanceName}</strong>. It
        cannot be undone.
      </p>
    ),
    confirmLabel: 'Yes, delete',
    destructive: true,
  };
}

/** `keyLabel` is the edited record's key; undefined when creating one. */
export function saveIntent(keyLabel: string | undefined, { where, instanceName }: WriteTarget): WriteIntent {
  const editing = keyLabel !== undefined;
  const label = editing ? `record ${keyLabel}` : 'a new record';
  return {
    title: editing ? `Save ${label}?` : 'Create the record?',
    message: (
      <p>
        This writes {label} to <code>{where}</code> on <strong>{instanceName}</strong>.
      </p>
    ),
    confirmLabel: editing ? 'Save on production' : 'Create on production',
  };
}
