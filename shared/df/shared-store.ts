// A token store may be shared: two clients of one instance (two windows, a relaunch while the old process
// still runs) read and write the same keychain entry. Whichever refreshes first blacklists the old token on
// the server (docs/dreamfactory-protocol.md §3), so the others must adopt the new one instead of ending.
import type { DfTokenClaims } from './jwt.ts';
import { mintTime, readTokenClaims, tokenOwner } from './jwt.ts';
import type { TokenFacts } from './token-timing.ts';

export type StoredToken =
  /** A later token of the same user: adopt it. */
  | { readonly kind: 'newer'; readonly token: string; readonly claims: DfTokenClaims }
  /** Another user's token (someone signed in as someone else): leave it, and do not clear the store. */
  | { readonly kind: 'foreign' }
  /** Ours, an older one, nothing, or not a DF token: nothing to adopt. */
  | { readonly kind: 'none' };

export const NOTHING_STORED: StoredToken = Object.freeze({ kind: 'none' });
const FOREIGN: StoredToken = Object.freeze({ kind: 'foreign' });

/**
 * What the token read back from the store means for the session holding `current`. Mint times can tie: DF's
 * claims have whole seconds (the test server's milliseconds), and a refresh right after a sign-in lands in the
 * same one. While `current` may still be good, a tie is not adopted; once the server has rejected `current`
 * (`currentRejected`), a different token of the same user minted no earlier is the better bet. That costs at
 * most one request: if it is dead too, the retry's verdict ends the session.
 */
export function judgeStoredToken(stored: string | null, current: TokenFacts, currentRejected = false): StoredToken {
  if (stored === null || stored === current.token) return NOTHING_STORED;
  const claims = readTokenClaims(stored);
  if (claims === null) return NOTHING_STORED;
  if (tokenOwner(claims) !== tokenOwner(current.claims)) return FOREIGN;
  const storedMint = mintTime(claims) ?? 0;
  const currentMint = mintTime(current.claims) ?? 0;
  if (storedMint < currentMint || (storedMint === currentMint && !currentRejected)) return NOTHING_STORED;
  return { kind: 'newer', token: stored, claims };
}
