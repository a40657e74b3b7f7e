import { type FormEvent, useState } from 'react';
import type { DfField, DfRecord } from '../../../shared/df/api.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CheckboxField, TextField } from '../../ui/Field.tsx';
import { useFocusFirstInvalid } from '../../ui/focus.ts';
import { Modal } from '../../ui/Modal.tsx';
import { uiError } from '../../uiError.ts';
import { answeredBySignIn, useSignedIn } from '../session/useSignedIn.ts';
import { editableOnCreate, isBooleanColumn, parseFieldText, sameValue, toInputText } from './recordValues.ts';

export interface RecordEditorProps {
  /** The instance the record lives on: a sign-in there clears a failure that asked for one. */
  instanceId: string;
  title: string;
  columns: readonly DfField[];
  /** The record being edited; leave out to create one. */
  record?: DfRecord;
  /** Gets only what changed (edit) or what was filled in (create). Resolves false when the user backed out. */
  onSave: (values: DfRecord) => Promise<boolean>;
  onClose: () => void;
}

export function RecordEditor({ instanceId, title, columns, record, onSave, onClose }: RecordEditorProps) {
  const editing = record !== undefined;
  const fields = columns.filter((column) => (editing ? !column.isPrimaryKey : editableOnCreate(column)));
  const keyColumns = editing ? columns.filter((column) => column.isPrimaryKey) : [];
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((column) => [column.name, toInputText(record?.[column.name])])),
  );
  const [flags, setFlags] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(fields.filter(isBooleanColumn).map((column) => [column.name, record?.[column.name] === true])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [signedInAgain, setSignedInAgain] = useState(false);
  const [busy, setBusy] = useState(false);
  const { ref, focusInvalid } = useFocusFirstInvalid<HTMLFormElement>();

  // "Not saved… sign in again" is answered once the user did: the input is still here, ready to save.
  useSignedIn(instanceId, () => {
    if (!answeredBySignIn(failure)) return;
    setFailure(null);
    setSignedInAgain(true);
  });

  function collect(): { values: DfRecord; errors: Record<string, string> } {
    const values: DfRecord = {};
    const found: Record<string, string> = {};
    for (const column of fields) {
      let value: unknown;
      if (isBooleanColumn(column)) value = flags[column.name] ?? false;
      else {
        const text = texts[column.name] ?? '';
        // On create, an untouched field is left to the server's default.
        if (!editing && text.trim() === '') {
          if (column.required && !column.allowNull) found[column.name] = `${column.name} is required.`;
          continue;
        }
        const parsed = parseFieldText(text, column);
        if (!parsed.ok) {
          found[column.name] = parsed.error;
          continue;
        }
        value = parsed.value;
      }
      if (editing && sameValue(value, record?.[column.name] ?? null)) continue;
      values[column.name] = value;
    }
    return { values, errors: found };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { values, errors: found } = collect();
    setErrors(found);
    if (Object.keys(found).length > 0) return focusInvalid();
    if (editing && Object.keys(values).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setFailure(null);
    setSignedInAgain(false);
    try {
      if (await onSave(values)) onClose();
    } catch (error) {
      setFailure(uiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={title} onClose={onClose} wide>
      <form className="record-editor" onSubmit={submit} noValidate aria-label={title} ref={ref}>
        {keyColumns.map((column) => (
          <p key={column.name} className="muted">
            {column.name}: <code>{toInputText(record?.[column.name])}</code>
          </p>
        ))}
        <div className="record-fields">
          {fields.map((column) =>
            isBooleanColumn(column) ? (
              <CheckboxField
                key={column.name}
                label={column.name}
                checked={flags[column.name] ?? false}
                onChecked={(checked) => setFlags((previous) => ({ ...previous, [column.name]: checked }))}
              />
            ) : (
              <TextField
                key={column.name}
                label={column.name}
                value={texts[column.name] ?? ''}
                onValue={(value) => setTexts((previous) => ({ ...previous, [column.name]: value }))}
                error={errors[column.name]}
                hint={[column.type, column.allowNull ? 'empty = null' : ''].filter(Boolean).join(' · ')}
                spellCheck={false}
                autoComplete="off"
              />
            ),
          )}
        </div>
        {fields.length === 0 && <p className="muted">No editable columns.</p>}
        <ErrorAlert error={failure} title="The record was not saved." />
        {signedInAgain && (
          <p className="alert alert-info" role="status">
            Signed in again. Your changes are still here: save the record when ready.
          </p>
        )}
        <FormActions onCancel={onClose} busy={busy} submitLabel={editing ? 'Save record' : 'Create record'} />
      </form>
    </Modal>
  );
}
