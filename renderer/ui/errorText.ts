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
    next: 'Check the URL in Edit instance: use the instance root, for example https://df.example.com (without /api/v2).',
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

/** Copy the key, and the role it needs: what a wrong or missing API key takes to fix. */
export const apiKeyNextStep =
  'Check the API key in Edit instance: copy it from DreamFactory admin → Apps → your app → API Key, and make sure that app has a default role.';

/**
 * DF's own messages that say more than the status (docs/dreamfactory-protocol.md §4): the API key is missing or
 * unknown, or the caller is not signed in and the app's default role does not allow the call.
 */
const byMessage: readonly { pattern: RegExp; explanation: ErrorExplanation }[] = [
  {
    pattern: /no session token \(jwt\) or api key detected|no token or api key provided|no api key provided/i,
    explanation: {
      title: 'DreamFactory received no API key.',
      next: `${apiKeyNextStep} If the key is set, a proxy in front of DreamFactory may be removing the X-DreamFactory-API-Key header.`,
    },
  },
  {
    pattern: /no session token \(jwt\) provided|role not found|invalid api key/i,
    explanation: { title: 'DreamFactory did not accept the API key.', next: apiKeyNextStep },
  },
  {
    pattern: /^unauthorized\. user is not authenticated/i,
    explanation: {
      title: 'Sign in to do this.',
      next: "You are not signed in, so DreamFactory uses the app's default role (guest access), which does not allow this. Sign in on the Session tab.",
    },
  },
];

/** The kinds DF's refusals arrive as (400, 401/403, other statuses): only there is DF's message read. */
const refusalKinds: ReadonlySet<DeskErrorKind> = new Set(['bad-request', 'forbidden', 'http']);

function accessExplanation(error: DeskError): ErrorExplanation | undefined {
  return refusalKinds.has(error.kind) ? byMessage.find((item) => item.pattern.test(error.message))?.explanation : undefined;
}

/** DF refused because of the API key, or because nobody is signed in: the instance's setup, not the request. */
export function explainsAccess(error: DeskError): boolean {
  return accessExplanation(error) !== undefined;
}

export function explainError(error: DeskError): ErrorExplanation {
  const known = accessExplanation(error);
  if (known) return known;
  return explanations[error.kind] ?? explanations.internal;
}
