import { plainDfMessage, statusSuffix } from './dfMessages.ts';

/** DreamFactory's own words, folded away under "Details": there for a DF admin or a ticket, not in the way. */
export function RawDetails({ raw, status }: { raw: string; status?: number | undefined }) {
  return (
    <details className="raw-details">
      <summary>Details</summary>
      <p>
        DreamFactory said: <q>{raw}</q>
        {statusSuffix(raw, status)}
      </p>
    </details>
  );
}

/**
 * Why a session ended, as the main process reports it: DF's sentence in plain words with the raw text under
 * Details, or DF Desk's own sentence (already plain) as it is, on a line of its own.
 */
export function EndedReason({ reason }: { reason: string | undefined }) {
  if (!reason) return null;
  const plain = plainDfMessage(reason);
  if (!plain) return <p className="ended-reason">{reason}</p>;
  return (
    <>
      <p className="ended-reason">{plain.text}</p>
      <RawDetails raw={reason} />
    </>
  );
}
