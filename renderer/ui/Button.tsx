import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  ref?: Ref<HTMLButtonElement>;
  /**
   * A slow action is running: the button shows a spinner, says aria-busy and cannot be pressed twice. It stays
   * focusable (aria-disabled, not disabled): a disabled button drops the keyboard focus to the page body.
   */
  busy?: boolean;
  /**
   * A disabled button that keeps its place in the Tab order (aria-disabled): for controls that become disabled
   * by being used, such as "Next page" on the last page, so pressing them never loses the focus.
   */
  focusableWhenDisabled?: boolean;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
}

export function Button({
  busy = false,
  focusableWhenDisabled = false,
  variant = 'secondary',
  className,
  disabled = false,
  children,
  type,
  onClick,
  ...rest
}: ButtonProps) {
  // Refused but focusable: the click (and a form's implicit submission, which is a click) does nothing.
  const inert = busy || (disabled && focusableWhenDisabled);
  function click(event: MouseEvent<HTMLButtonElement>) {
    if (inert) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled && !inert}
      aria-disabled={inert || undefined}
      aria-busy={busy || undefined}
      onClick={click}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
