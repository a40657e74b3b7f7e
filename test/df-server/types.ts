// Public types of the DreamFactory-compatible test server (other code imports them via index.ts).

export type DfProfile = 'latest' | '2.14' | '2.0';

export interface DfServerUser {
  email: string;
  password: string;
  admin?: boolean;
  username?: string;
  name?: string;
  active?: boolean;
}

export interface DfServerOptions {
  profile?: DfProfile;
  /** Token lifetime (DF_JWT_TTL) in seconds; fractional allowed. */
  ttlSeconds?: number;
  /** Refresh window measured from iat (DF_JWT_REFRESH_TTL) in seconds. */
  refreshTtlSeconds?: number;
  /** DF_ALLOW_FOREVER_SESSIONS */
  allowForever?: boolean;
  apiKey?: string;
  /**
   * Whether the default app's default role (`guest`) may read `db` with the API key alone, no session: guest
   * access, as a real DF app with a default role allows. Default true; false gives the app a role that reaches
   * nothing, so the key alone is refused (401 "Unauthorized. User is not authenticated.").
   */
  guestRole?: boolean;
  users?: DfServerUser[];
  loginAttribute?: 'email' | 'username';
  /** The server's clock runs ahead (+) or behind (-) of real time (or of `clock`). */
  clockOffsetSeconds?: number;
  /**
   * The local time (ms since the epoch) the server's clock runs on; default real time. A test passes the
   * client's manual clock, so both move together and no real time leaks in.
   */
  clock?: { now(): number };
  port?: number;
  host?: string;
  version?: string;
  /**
   * The web server's rewrite rules (default true). Without them only /index.php/api/v2/… reaches DF, and
   * /api/v2/… gets the web server's own HTML 404, as on an nginx or Apache install missing them.
   */
  rewriteRules?: boolean;
}

export type DfFault = { kind: 'http500' | 'reset' | 'delay'; count?: number; delayMs?: number };

export interface DfServerStats {
  requests: number;
  byRoute: Record<string, number>;
  refreshAttempts: number;
  refreshSuccesses: number;
  status401: number;
  status403: number;
  reset(): void;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface DfServer {
  url: string;
  port: number;
  stats: DfServerStats;
  requestLog: RecordedRequest[];
  close(): Promise<void>;
  setFault(fault: DfFault | null): void;
  setClockOffset(seconds: number): void;
  blacklistToken(token: string): void;
  revokeUser(email: string): void;
  setRedirect(pathname: string, location: string, status?: 301 | 302 | 307 | 308): void;
  /** DF_ALLOW_FOREVER_SESSIONS changed, config cache cleared and DF restarted: tokens minted from now on follow it. */
  setAllowForever(allow: boolean): void;
  setRewriteRules(present: boolean): void;
}
