import type { DeskError } from '../../shared/ipc/desk-error.ts';
import { internalErrorMessage } from '../../shared/ipc/names.ts';
import { plainDfMessage, statusSuffix } from './dfMessages.ts';
import { explainError, explainsAccess } from './errorText.ts';
import { RawDetails } from './RawDetails.tsx';

interface AlertText {
  heading: string;
  /** The failure in a sentence: DF's message in plain words, or the message itself when it is plain already. */
  summary?: string;
  /** " (HTTP 403)" after the summary, unless it names the status already. */
  status?: string;
  next?: string | undefined;
  /** DF's own text, kept under Details when the summary rephrased it. */
  raw?: string;
}

export function alertText(error: DeskError, title: string | undefined): AlertText {
  const explanation = explainError(error);
  const heading = title ?? explanation.title;
  // An API-key or sign-in refusal is explained by its title and next step; DF's sentence says which header.
  const plain = explainsAccess(error) ? undefined : plainDfMessage(error.message);
  if (plain) return { heading, summary: plain.text, next: plain.next ?? explanation.next, raw: error.message };
  // The generic internal message repeats the kind's own title and advice: say it once.
  if (error.message === internalErrorMessage || !error.message || error.message === heading) {
    return { heading, ...(heading !== explanation.title ? { summary: explanation.title } : {}), next: explanation.next };
  }
  return { heading, summary: error.message, status: statusSuffix(error.message, error.status), next: explanation.next };
}

/** A failure in plain words: what happened, the server's own message (or its plain reading), and the next step. */
export function ErrorAlert({ error, title }: { error: DeskError | null | undefined; title?: string | undefined }) {
  if (!error) return null;
  const text = alertText(error, title);
  return (
    <div className="alert alert-error" role="alert" data-kind={error.kind}>
      <strong>{text.heading}</strong>
      {text.summary && (
        <p>
          {text.summary}
          {text.status && <span className="muted">{text.status}</span>}
        </p>
      )}
      {text.next && <p className="next-step">{text.next}</p>}
      {text.raw && <RawDetails raw={text.raw} status={error.status} />}
    </div>
  );
}
