// What differs between the three DreamFactory eras the server can impersonate (docs/dreamfactory-protocol.md §0–§8).
import type { DfProfile } from './types.ts';

export interface EraRules {
  profile: DfProfile;
  defaultVersion: string;
  /** DF 2.0 envelope lacks status_code and orders keys context, message, code. */
  envelopeWithStatusCode: boolean;
  /**
   * E1 claims: sub = user id, an `email` claim, jti = md5("jti.{sub}.{nbf}") (jwt-auth 0.5). DF 2.5–2.6 already had
   * jwt-auth 1.0's random jti with the old sub/email; no profile models them. Later: sub = md5(email), random jti.
   */
  legacyClaims: boolean;
  /** `token` query/body input accepted as JWT (removed in DF 2.11). */
  acceptsTokenInput: boolean;
  /** body `api_key` accepted (DF ≥2.2). */
  acceptsBodyApiKey: boolean;
  /** Token errors also fire on public paths (DF ≥2.9); 2.0 tolerates an expired token there. */
  rejectBadTokenOnPublicPaths: boolean;
  /** Latest (DF ≥3.0) lets PUT on the session paths through the token check (df-core PR #39). */
  skipTokenCheckOnRefresh: boolean;
  /**
   * jwt-auth's complaint about a PUT without any token (wrapped in "Token refresh failed. " by DF ≥2.6, raw 500 in
   * E1). DF 7.0.0 answered the structure check of the empty token (docs/dreamfactory-protocol.md §10); the older
   * profiles keep "A token is required", which nobody has observed on a real server.
   */
  refreshWithoutTokenReason: string;
  /** E1 refresh: forever tokens re-issued after the window, old token_map rows kept, no blacklist of expired tokens. */
  legacyRefresh: boolean;
  /** token_expiry_date in the session object (DF ≥5.0.1). */
  tokenExpiryDate: boolean;
  /** role/role_id also for admins (DF ≥3.0); and absent after PUT in latest. */
  roleForAdmins: boolean;
  roleAfterRefresh: boolean;
  /** GET /api/v2 lists objects (DF ≥2.9) instead of names. */
  serviceObjects: boolean;
  /** Environment in the 2.10+ shape (authentication + apps, platform only when authenticated/role). */
  modernEnvironment: boolean;
  /** DF_LOGIN_ATTRIBUTE exists (DF ≥2.6). */
  supportsLoginAttribute: boolean;
  /** VerbOverrides middleware (latest). */
  verbTunnelling: boolean;
  maxRecordsReturned: number;
}

const LATEST: EraRules = {
  profile: 'latest',
  defaultVersion: '7.7.0',
  envelopeWithStatusCode: true,
  legacyClaims: false,
  acceptsTokenInput: false,
  acceptsBodyApiKey: true,
  rejectBadTokenOnPublicPaths: true,
  skipTokenCheckOnRefresh: true,
  refreshWithoutTokenReason: 'Wrong number of segments',
  legacyRefresh: false,
  tokenExpiryDate: true,
  roleForAdmins: true,
  roleAfterRefresh: false,
  serviceObjects: true,
  modernEnvironment: true,
  supportsLoginAttribute: true,
  verbTunnelling: true,
  maxRecordsReturned: 100000,
};

const DF_2_14: EraRules = {
  ...LATEST,
  profile: '2.14',
  defaultVersion: '2.14.2',
  skipTokenCheckOnRefresh: false,
  refreshWithoutTokenReason: 'A token is required',
  tokenExpiryDate: false,
  roleForAdmins: false,
  roleAfterRefresh: true,
  verbTunnelling: false,
  maxRecordsReturned: 1000,
};

const DF_2_0: EraRules = {
  profile: '2.0',
  defaultVersion: '2.0.0',
  envelopeWithStatusCode: false,
  legacyClaims: true,
  acceptsTokenInput: true,
  acceptsBodyApiKey: false,
  rejectBadTokenOnPublicPaths: false,
  skipTokenCheckOnRefresh: false,
  refreshWithoutTokenReason: 'A token is required',
  legacyRefresh: true,
  tokenExpiryDate: false,
  roleForAdmins: false,
  roleAfterRefresh: true,
  serviceObjects: false,
  modernEnvironment: false,
  supportsLoginAttribute: false,
  verbTunnelling: false,
  maxRecordsReturned: 1000,
};

export function eraRules(profile: DfProfile): EraRules {
  switch (profile) {
    case 'latest':
      return LATEST;
    case '2.14':
      return DF_2_14;
    case '2.0':
      return DF_2_0;
  }
}
