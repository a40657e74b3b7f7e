// Minting tokens with each era's claim set (docs/dreamfactory-protocol.md §3 "Claims").
import { createHash, randomInt } from 'node:crypto';
import { roundToMs } from './clock.ts';
import type { UserRecord } from './fixtures.ts';
import { signJwt } from './jwt-signing.ts';
import type { JwtPayload } from './jwt-signing.ts';
import type { ServerState } from './state.ts';

export function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

const JTI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** jwt-auth ≥1.0: Str::random(16). */
function randomJti(): string {
  let jti = '';
  for (let i = 0; i < 16; i += 1) jti += JTI_ALPHABET[randomInt(JTI_ALPHABET.length)];
  return jti;
}

/**
 * jwt-auth 0.5: md5("jti.{sub}.{nbf}") with nbf in whole seconds. Two tokens of one user minted in the same second
 * therefore share a jti — and a blacklist entry (§8 "jti collisions"); reproduced on purpose.
 */
export function legacyJti(sub: string | number, nbf: number): string {
  return md5(`jti.${sub}.${Math.floor(nbf)}`);
}

export interface MintOptions {
  forever: boolean;
  iss: string;
  /** Keep this iat (non-forever refresh); otherwise iat = now. */
  iat?: number;
}

export interface MintedToken {
  token: string;
  payload: JwtPayload;
}

/** Builds and signs a token; NumericDates carry milliseconds because TTLs may be fractional. */
export function mintToken(state: ServerState, user: UserRecord, options: MintOptions): MintedToken {
  const now = state.clock.now();
  const iat = options.iat ?? now;
  const exp = roundToMs(now + state.ttlSeconds);
  const payload: JwtPayload = state.era.legacyClaims
    ? {
        iss: options.iss,
        iat,
        exp,
        nbf: now,
        jti: legacyJti(user.id, now),
        sub: user.id,
        user_id: user.id,
        email: user.email,
        forever: options.forever,
      }
    : {
        iss: options.iss,
        iat,
        exp,
        nbf: now,
        jti: randomJti(),
        sub: md5(user.email),
        user_id: user.id,
        forever: options.forever,
      };
  const token = signJwt(payload, state.jwtSecret);
  state.tokens.addRow({ userId: user.id, token, iat, exp });
  return { token, payload };
}
