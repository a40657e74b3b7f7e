import type { DeskError } from '../../shared/ipc/desk-error.ts';
import { explainError } from './errorText.ts';

/** A failure in plain words: what happened, the server's own message, and the next step. */
export function ErrorAlert({ error, title }: { error: DeskError | null | undefined; title?: string }) {
  if (!error) return null;
  const explanation = explainError(error);
  const heading = title ?? explanation.title;
  return (
    <div className="alert alert-error" role="alert" data-kind={error.kind}>
      <strong>{heading}</strong>
      {error.message && error.message !== heading && (
        <p>
          {error.message}
          {error.status !== undefined && <span className="muted"> (HTTP {error.status})</span>}
        </p>
      )}
      {explanation.next && <p className="next-step">{explanation.next}</p>}
    </div>
  );
}
