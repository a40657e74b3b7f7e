// What a token read back from a shared store means for the session holding another one.
import { describe, expect, it } from 'vitest';
import { readTokenClaims } from '../../../shared/df/jwt.ts';
import { NOTHING_STORED, judgeStoredToken } from '../../../shared/df/shared-store.ts';
import { tokenFacts } from '../../../shared/df/token-timing.ts';
import { token } from './engine-fixtures.ts';

const MINT = 1_000_000.5;
const current = token({ mint: MINT });
const facts = tokenFacts(current, readTokenClaims(current)!, 'stored', undefined, 0, { refreshWindowSeconds: 3600 });

describe('judgeStoredToken', () => {
  it('a later token of the same user is adopted', () => {
    const newer = token({ mint: MINT + 30 });
    expect(judgeStoredToken(newer, facts)).toEqual({ kind: 'newer', token: newer, claims: readTokenClaims(newer) });
  });

  it('nothing, our own token, an older one, one of the same instant, or garbage: nothing to adopt', () => {
    for (const stored of [null, current, token({ mint: MINT - 30 }), token({ mint: MINT }), 'not-a-token']) {
      expect(judgeStoredToken(stored, facts)).toBe(NOTHING_STORED);
    }
  });

  it('a tie (minted in the same instant) is adopted only once the server has rejected ours', () => {
    const twin = token({ mint: MINT });
    expect(judgeStoredToken(twin, facts, true)).toEqual({ kind: 'newer', token: twin, claims: readTokenClaims(twin) });
    expect(judgeStoredToken(token({ mint: MINT - 30 }), facts, true)).toBe(NOTHING_STORED);
    expect(judgeStoredToken(current, facts, true)).toBe(NOTHING_STORED);
  });

  it('another user’s token is foreign, however new', () => {
    expect(judgeStoredToken(token({ mint: MINT + 30, userId: 2 }), facts)).toEqual({ kind: 'foreign' });
  });
});
