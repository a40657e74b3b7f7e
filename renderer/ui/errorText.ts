import type { DeskErrorKind } from '../../shared/ipc/contract.ts';
import type { DeskError } from '../../shared/ipc/desk-error.ts';

export interface ErrorExplanation {
  title: string;
  next?: string;
}

const explanations: Record<DeskErrorKind, ErrorExplanation> = {
  'session-ended': { title: 'Your session ended.', next: 'Sign in again; your work on this screen is kept.' },
  'bad-credentials': {
    title: 'Wrong sign-in details.',
    next: 'Check them. DF keeps admins and users apart: pick "System admin" for a DF admin, "Regular user" otherwise.',
  },
  forbidden: {
    title: 'Not allowed for this role.',
    next: "Ask a DF admin to grant the role access (Roles → Access), or sign in as an admin.",
  },
  'not-found': { title: 'Not found.', next: 'Check the service, table or path.' },
  'bad-request': { title: 'DreamFactory rejected the request.', next: 'Read the message below and fix the request.' },
  network: {
    title: 'Server unreachable.',
    next: 'Check the URL, your network or VPN, and that the DreamFactory instance is running.',
  },
  server: { title: 'DreamFactory failed (server error).', next: "Check DF's log (storage/logs/dreamfactory.log)." },
  'not-dreamfactory': {
    title: 'This URL does not answer like DreamFactory.',
    next: 'Use the instance root, for example https://df.example.com (without /api/v2).',
  },
  http: { title: 'The request failed.' },
  'invalid-input': { title: 'Some input is not valid.' },
  'unknown-instance': { title: 'This instance no longer exists.', next: 'Pick another instance in the list.' },
  'confirmation-required': {
    title: 'This production write needs your confirmation.',
    next: 'Try again and confirm the prompt.',
  },
  refused: { title: 'DF Desk refused the request.' },
  'too-large': { title: 'The answer is too large to show.', next: 'Ask for less: use limit, offset or fields.' },
  tls: {
    title: "The server's TLS certificate is not trusted.",
    next: "Fix the certificate, or add your company CA to the system's trust store. DF Desk never skips TLS checks.",
  },
  vault: { title: 'The system keychain failed.', next: 'See the keychain notice at the top of the window.' },
  internal: { title: 'Something went wrong inside DF Desk.', next: 'Try again; if it persists, restart DF Desk.' },
};

export function explainError(error: DeskError): ErrorExplanation {
  return explanations[error.kind] ?? explanations.internal;
}
