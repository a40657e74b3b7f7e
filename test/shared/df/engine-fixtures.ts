// DF-shaped JWTs with chosen claims and a deferred promise, for the session engine's unit tests. Their manual
// clock and timers are in test/fixtures/clocks.ts.

let serial = 0;
export interface TokenOptions {
  mint: number;
  ttl?: number;
  userId?: number;
  legacy?: boolean;
  forever?: boolean;
  /** Default: the mint time (a non-forever refresh keeps the login's instead). */
  iat?: number;
  /** Default: the mint time; null leaves the claim out. */
  nbf?: number | null;
}

/** A DF-shaped JWT (unsigned: the client never verifies). */
export function token(options: TokenOptions): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = {
    sub: options.legacy ? (options.userId ?? 1) : `md5-${options.userId ?? 1}`,
    user_id: options.userId ?? 1,
    forever: options.forever ?? false,
    iat: options.iat ?? options.mint,
    ...(options.nbf === null ? {} : { nbf: options.nbf ?? options.mint }),
    exp: options.mint + (options.ttl ?? 60),
    jti: `j${serial++}`,
  };
  return `${encode({ alg: 'HS256' })}.${encode(claims)}.sig`;
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
