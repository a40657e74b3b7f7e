import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export interface ModalProps {
  title: string;
  children: ReactNode;
  /** Escape and the close button call it; leave it out for a dialog that must be answered. */
  onClose?: () => void;
  role?: 'dialog' | 'alertdialog';
  tone?: 'normal' | 'danger';
  wide?: boolean;
}

/**
 * A modal drawn over the current view. The view underneath stays mounted, so whatever the user typed there
 * survives (the sign-in dialog relies on this).
 */
export function Modal({ title, children, onClose, role = 'dialog', tone = 'normal', wide = false }: ModalProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = panel.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>(focusable) ?? root;
    first?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && onClose) {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    // Keep Tab inside the dialog: the view behind it is still there but not for now.
    const items = [...panel.current.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const className = ['modal', wide ? 'modal-wide' : '', tone === 'danger' ? 'modal-danger' : ''].join(' ');
  const content = (
    <>
      {/* A div, not <header>: inside a dialog a header would be a second banner landmark beside the app's. */}
      <div className="modal-header">
        <h2 id={titleId}>{title}</h2>
        {onClose && (
          <button type="button" className="btn btn-ghost icon-button" aria-label="Close dialog" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      {/* Only the content scrolls, so a tall dialog (a long probe checklist) never runs past the window; the
          .modal-actions footer inside it is sticky, keeping the buttons in reach. */}
      <div className="modal-content">{children}</div>
    </>
  );
  return (
    <div className="modal-backdrop">
      {/* Two literal branches, not role={role}: the a11y lint can only check aria-* against a static role. */}
      {role === 'alertdialog' ? (
        <div
          role="alertdialog"
          aria-modal="true"
          aria-labelledby={titleId}
          ref={panel}
          className={className}
          tabIndex={-1}
          onKeyDown={onKeyDown}
        >
          {content}
        </div>
      ) : (
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          ref={panel}
          className={className}
          tabIndex={-1}
          onKeyDown={onKeyDown}
        >
          {content}
        </div>
      )}
    </div>
  );
}
