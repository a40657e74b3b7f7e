import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';

interface FieldFrame {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
}

/** The visible label, a hint and an error around one control; ids tie them together for assistive tech. */
function FieldShell({
  id,
  label,
  error,
  hint,
  className,
  children,
}: FieldFrame & { id: string; className?: string | undefined; children: ReactNode }) {
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

function controlAria(id: string, hint: unknown, error: unknown) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(`${id}-hint`, `${id}-error`, hint, error),
  } as const;
}

export type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & {
  onValue: (value: string) => void;
};

/** A visible label, the input, a hint and an error that assistive tech reads with the input. */
export function TextField({ label, error, hint, onValue, className, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <input {...input} id={id} onChange={(event) => onValue(event.target.value)} {...controlAria(id, hint, error)} />
    </FieldShell>
  );
}

export type SelectFieldProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & {
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
};

export function SelectField({ label, error, hint, onValue, options, className, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <select {...select} id={id} onChange={(event) => onValue(event.target.value)} {...controlAria(id, hint, error)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({
  label,
  checked,
  onChecked,
  hint,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChecked(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}
