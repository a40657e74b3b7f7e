/**
 * DreamFactory's own sentences about tokens, sessions and roles ("The token has been blacklisted: Session
 * terminated. Please re-login.") in plain words. The raw text stays reachable under "Details": it is what a DF
 * admin, a search or a support ticket needs. Wordings per DF era: docs/dreamfactory-protocol.md §4.
 */
export interface PlainMessage {
  text: string;
  /** A next step of its own, when the message says more than its error kind. */
  next?: string;
}

const signInAgain = 'Sign in again; your work on this screen is kept.';

function access(verb: string | undefined, target: string): string {
  return `Your DreamFactory role does not allow ${verb ? `${verb.toUpperCase()} on ` : ''}${target}.`;
}

const rules: readonly { pattern: RegExp; plain: (match: RegExpExecArray) => PlainMessage }[] = [
  {
    pattern: /can no longer be refreshed/i,
    plain: () => ({ text: 'The session reached the end of its refresh window, so it cannot be renewed.', next: signInAgain }),
  },
  {
    pattern: /token has been blacklisted|session terminated/i,
    plain: () => ({
      text: 'DreamFactory ended this session: it was signed out elsewhere, or an admin ended it.',
      next: signInAgain,
    }),
  },
  { pattern: /^token has expired|session expired/i, plain: () => ({ text: 'The session expired.', next: signInAgain }) },
  {
    pattern: /signature could not be verified/i,
    plain: () => ({
      text: 'DreamFactory no longer accepts this session: its signing key changed (for example after a reinstall).',
      next: signInAgain,
    }),
  },
  {
    pattern: /user verification failed/i,
    plain: () => ({
      text: 'DreamFactory no longer finds the signed-in user: the account may have been deleted or deactivated.',
      next: 'Sign in again, or ask a DF admin whether the account is still active.',
    }),
  },
  {
    pattern: /not before \(nbf\)/i,
    plain: () => ({
      text: "The session is not valid yet: this computer's clock and the server's disagree.",
      next: 'Check the date and time on this computer and on the DreamFactory server.',
    }),
  },
  { pattern: /^token refresh failed/i, plain: () => ({ text: 'DreamFactory could not renew the session.', next: signInAgain }) },
  { pattern: /^invalid token/i, plain: () => ({ text: 'DreamFactory did not accept the session token.', next: signInAgain }) },
  {
    pattern: /no valid session for the current request|no user session found/i,
    plain: () => ({ text: 'DreamFactory has no signed-in session for this request.', next: 'Sign in again.' }),
  },
  {
    pattern: /(\w+) access to component '([^']*)' of service '([^']*)' is not allowed/i,
    plain: (match) => ({ text: access(match[1], `${match[3]}/${match[2]}`) }),
  },
  {
    pattern: /(\w+) access to (?:component|service) '([^']*)' is not allowed/i,
    plain: (match) => ({ text: access(match[1], match[2] ?? 'it') }),
  },
  { pattern: /^access forbidden\.?$/i, plain: () => ({ text: 'Your DreamFactory role does not allow this.' }) },
  {
    pattern: /not authorized to perform this action/i,
    plain: () => ({ text: 'Only a DreamFactory system admin may do this.' }),
  },
  {
    pattern: /^unauthorized\.?$/i,
    plain: () => ({ text: "DreamFactory refused: nobody is signed in, or the app's role does not allow this." }),
  },
  {
    pattern: /login request is missing required (\w+)/i,
    plain: (match) => ({ text: `DreamFactory needs the ${match[1] ?? 'sign-in details'} to sign in.` }),
  },
];

/** The plain-words reading of a DF message, or undefined when it is not one of DF's known sentences. */
export function plainDfMessage(raw: string): PlainMessage | undefined {
  const text = raw.trim();
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (match) return rule.plain(match);
  }
  return undefined;
}

/** " (HTTP 403)", unless the message already names that status (DF Desk's own messages often do). */
export function statusSuffix(message: string, status: number | undefined): string {
  if (status === undefined || new RegExp(`\\bHTTP ${status}\\b`).test(message)) return '';
  return ` (HTTP ${status})`;
}
