import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** A slow action is running: the button shows a spinner, says aria-busy and cannot be pressed twice. */
  busy?: boolean;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
}

export function Button({ busy = false, variant = 'secondary', className, disabled, children, type, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
