/**
 * What the forever-sessions doctor knows about one DreamFactory instance at one moment: what the server said,
 * what this session's token says, and what DF Desk plans for it. Data only (it crosses IPC and feeds the CLI);
 * the token itself is never part of it, only its time claims.
 */

/** What GET /api/v2/system/environment gave. */
export type ServerFacts =
  | {
      kind: 'environment';
      allowForeverSessions: boolean;
      loginAttribute: 'email' | 'username';
      /** Only when DF shows it: DF 2.10+ hides `platform` from callers without a session or a key with a role. */
      version?: string;
    }
  | {
      /** The web server answered 404 itself (an HTML page, not DF's JSON error): its rewrite rules are missing. */
      kind: 'web-server-404';
      status: number;
      contentType?: string;
      /** Whether DF answered at /index.php/api/v2/system/environment; null when that could not be checked. */
      dreamFactoryBehindIndexPhp: boolean | null;
    }
  | { kind: 'not-dreamfactory'; detail: string; nextStep: string }
  | { kind: 'unreachable'; detail: string; nextStep: string };

/** The current token's claims that matter here (server clock, seconds). */
export interface TokenReading {
  forever: boolean;
  expires: number;
  issuedAt?: number;
  notBefore?: number;
  /** A numeric `sub`: only DF 2.0–2.6 mint those. */
  legacyClaims: boolean;
}

export type DoctorSessionState = 'signed-out' | 'active' | 'refreshing' | 'needs-sign-in';

export interface SessionFacts {
  state: DoctorSessionState;
  /** While a token is held (active, refreshing). */
  token?: TokenReading;
  /** Local ms: when DF Desk refreshes next (with keep-alive, even while idle). */
  nextRefreshAt?: number;
  /** Local ms. */
  expiresAt?: number;
  /** Local ms; an estimate, as DF does not publish DF_JWT_REFRESH_TTL. */
  refreshWindowEndsAt?: number;
  /** Server clock minus local clock, as measured when a token arrived (ms, positive: the server is ahead). */
  serverClockOffsetMs?: number;
  /** At least one refresh happened since sign-in: a non-forever token's `iat` is then the login's. */
  refreshed: boolean;
  /** DF Desk refreshes on a timer even while nothing else happens (signed-in sessions). */
  keepAlive: boolean;
}

export interface DoctorFacts {
  /** Local ms. */
  checkedAt: number;
  url: string;
  server: ServerFacts;
  /** Null when there is no saved instance to have a session (a connection test before saving). */
  session: SessionFacts | null;
}
