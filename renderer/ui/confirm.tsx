import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import { Button } from './Button.tsx';
import { Modal } from './Modal.tsx';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Production writes: the dialog says PRODUCTION and the confirm button is red. */
  production?: boolean;
  danger?: boolean;
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm needs a ConfirmProvider.');
  return confirm;
}

/** One confirmation dialog for the whole app, answered through a promise so callers read top to bottom. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);

  const confirm = useCallback<Confirm>((options) => {
    resolver.current?.(false);
    setPending(options);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  function answer(value: boolean) {
    resolver.current?.(value);
    resolver.current = null;
    setPending(null);
  }

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {pending && (
        <Modal
          title={pending.title}
          role="alertdialog"
          tone={pending.production || pending.danger ? 'danger' : 'normal'}
          onClose={() => answer(false)}
        >
          {pending.production && <p className="prod-warning">PRODUCTION instance</p>}
          <div className="modal-body">{pending.message}</div>
          <div className="modal-actions">
            <Button onClick={() => answer(false)} data-autofocus>
              Cancel
            </Button>
            <Button variant={pending.production || pending.danger ? 'danger' : 'primary'} onClick={() => answer(true)}>
              {pending.confirmLabel}
            </Button>
          </div>
        </Modal>
      )}
    </ConfirmContext.Provider>
  );
}
