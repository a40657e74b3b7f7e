import { Button } from './Button.tsx';

export interface FormActionsProps {
  /** The submit button's words, e.g. "Save record". */
  submitLabel: string;
  busy: boolean;
  /** Without it there is no Cancel button, and the row sits under an inline form rather than in a dialog. */
  onCancel?: () => void;
  cancelLabel?: string;
}

/** The Cancel / submit row at the foot of every form: the same order, variants and busy state everywhere. */
export function FormActions({ submitLabel, busy, onCancel, cancelLabel = 'Cancel' }: FormActionsProps) {
  return (
    <div className={onCancel ? 'modal-actions' : 'form-actions'}>
      {onCancel && <Button onClick={onCancel}>{cancelLabel}</Button>}
      <Button type="submit" variant="primary" busy={busy}>
        {submitLabel}
      </Button>
    </div>
  );
}
