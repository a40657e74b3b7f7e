/**
 * The contract's answer types: what the main process sends back or pushes, with no schema (only payloads the
 * renderer sends need zod). Split from contract.ts, which re-exports every name here, so callers keep one import.
 */
import type { ServerFacts } from '../doctor/facts.ts';
import type { DeskErrorKind } from './names.ts';

export type ProbeCheckId = 'reachable' | 'dreamfactory' | 'api-key' | 'version' | 'forever-sessions' | 'login-attribute';
export interface ProbeCheck {
  id: ProbeCheckId;
  /** `null` when the check could not run because an earlier one failed. */
  ok: boolean | null;
  label: string;
  detail: string;
  /** What the user should do next, when the check failed or is worth acting on. */
  nextStep?: string;
}
export interface ProbeReport {
  url: string;
  reachable: boolean;
  isDreamFactory: boolean;
  /** `null` when no key was given or the server could not be asked. */
  apiKeyAccepted: boolean | null;
  version?: string;
  allowForeverSessions?: boolean;
  loginAttribute?: 'email' | 'username';
  authMethods: string[];
  checks: ProbeCheck[];
  vault: VaultHealth;
  /** The certificate the server presented, when the secure connection failed: the user may choose to trust it. */
  certificate?: PresentedCertificateInfo;
  /** The environment answer as the forever-sessions doctor reads it. */
  server: ServerFacts;
}

/** A server certificate as the user sees it before trusting it. Public data only. */
export interface PresentedCertificateInfo {
  /** SHA-256 of the leaf certificate, AB:CD:… (what `trustedCertificateSha256` takes). */
  sha256: string;
  /** Subject common name. */
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
  /** host:port the certificate was presented on; a trust applies to exactly this. */
  hostPort: string;
}

export type SessionState = 'signed-out' | 'active' | 'refreshing' | 'needs-sign-in';
export interface SessionUser {
  id: number;
  name: string;
  email: string | null;
  isSysAdmin: boolean;
  role?: string;
}
export interface SessionStatus {
  instanceId: string;
  state: SessionState;
  user?: SessionUser;
  admin: boolean;
  /** ms since epoch, local clock. */
  expiresAt?: number;
  /** An estimate: DF does not publish its refresh TTL, so this assumes DF's default unless configured. */
  refreshWindowEndsAt?: number;
  forever: boolean;
  lastRefreshAt?: number;
  refreshCount: number;
  /** Why the session needs a new sign-in, in plain words. */
  endedReason?: string;
  /**
   * The last background refresh failed (network or server trouble) while the session is kept and retried;
   * gone after the next successful refresh. Plain words, never a token. `at`: local ms of the failure.
   */
  lastRefreshError?: { kind: DeskErrorKind; message: string; at: number };
  /** Where the token is kept: the OS keychain, or memory only when the keychain is unusable. */
  persistence: 'keychain' | 'memory';
  /**
   * Sign-in and requests are refused until the instance is edited and saved: its settings were changed outside
   * DF Desk (the saved credentials belong elsewhere), or its plain-http address is not confirmed yet.
   */
  blocked?: boolean;
}

export interface VaultHealth {
  mode: 'keychain' | 'session-only';
  /** Why the keychain is unusable, in plain words. */
  reason?: string;
  /** What to install or do. */
  fix?: string;
}

/** `window-reloaded`: the window's page crashed or hung and DF Desk loaded it again (nothing was signed out). */
export type DeskNoticeKind = 'settings-recovered' | 'settings-migrated' | 'window-reloaded';
export interface DeskNotice {
  kind: DeskNoticeKind;
  message: string;
}

/**
 * Where DF Desk's own updates stand. `disabled`: this build never updates itself (a development build, or no
 * update feed), with the reason in plain words. `error.message` is plain words too, never a stack or a token.
 */
export type UpdateStatus =
  | { state: 'disabled'; message: string }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'available'; version: string }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'ready'; version: string }
  | { state: 'up-to-date'; checkedAt: number }
  | { state: 'error'; message: string };
export type UpdateState = UpdateStatus['state'];

/** About this copy of DF Desk: what the UI shows as its version, and where its updates stand. */
export interface DeskInfo {
  version: string;
  /** `false` in a development build (run from the sources). */
  packaged: boolean;
  updates: UpdateStatus;
}
