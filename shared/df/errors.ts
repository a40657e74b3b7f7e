// DfError and the classification of DF answers for every era (docs/dreamfactory-protocol.md §4). Pure: no I/O.
import { redactData, redactText } from '../secrets.ts';
import { readBody } from './body.ts';
import { decodeHtmlEntities } from './html-entities.ts';
import type { TransportFailure } from './transport-failure.ts';
import { describeTransportFailure } from './transport-failure.ts';
import { readErrorEnvelope } from './wire.ts';

export type DfErrorKind =
  | 'session-ended'
  | 'bad-credentials'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'network'
  | 'server'
  | 'not-dreamfactory'
  | 'http';

export interface DfErrorDetails {
  status?: number;
  /** The `code` of DF's envelope; it can differ from the HTTP status (e.g. 400 with code 401 in 2.1–2.9). */
  code?: number | string;
  /** DF's `context` (e.g. per-record errors of a batch). */
  context?: unknown;
  /** No HTTP answer came back: what failed (network, TLS, size) and what the user can do. */
  transport?: TransportFailure;
}

/** Never carries a token: credential-shaped text is removed from every message, and no request config is kept. */
export class DfError extends Error {
  override readonly name = 'DfError';
  readonly kind: DfErrorKind;
  readonly status?: number;
  readonly code?: number | string;
  readonly context?: unknown;
  readonly transport?: TransportFailure;

  constructor(kind: DfErrorKind, message: string, details: DfErrorDetails = {}) {
    super(redactText(message));
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.context !== undefined) this.context = details.context;
    if (details.transport !== undefined) this.transport = details.transport;
  }
}

export function isDfError(value: unknown): value is DfError {
  return value instanceof DfError;
}

/** Replaces each secret (API key, token) in the message, DF's context and the transport message; returns the same error when none occurs. */
export function withoutSecrets(error: DfError, secrets: readonly (string | null | undefined)[]): DfError {
  const message = redactText(error.message, secrets);
  // DF's context (a batch's per-record errors) can quote what the request carried, too.
  const context = error.context === undefined ? undefined : redactData(error.context, { secrets, thorough: true });
  const transport =
    error.transport === undefined ? undefined : { ...error.transport, message: redactText(error.transport.message, secrets) };
  const unchanged =
    message === error.message &&
    JSON.stringify(context) === JSON.stringify(error.context) &&
    transport?.message === error.transport?.message;
  if (unchanged) return error;
  const details: DfErrorDetails = {};
  if (error.status !== undefined) details.status = error.status;
  if (error.code !== undefined) details.code = error.code;
  if (context !== undefined) details.context = context;
  if (transport !== undefined) details.transport = transport;
  return new DfError(error.kind, message, details);
}

/**
 * What a token-related DF answer means:
 * - expired: refreshable inside the window (except on DF 2.9–2.14, where PUT itself answers this);
 * - window-passed: "… can no longer be refreshed";
 * - refresh-failed: DF ≥2.6 wraps every refresh failure as "Token refresh failed. <reason>";
 * - blacklisted / invalid: the token is dead.
 */
export type TokenProblem = 'expired' | 'window-passed' | 'refresh-failed' | 'blacklisted' | 'invalid';

const TOKEN_PROBLEM_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 500]);

export function tokenProblemOf(status: number, message: string): TokenProblem | undefined {
  if (!TOKEN_PROBLEM_STATUSES.has(status)) return undefined;
  const text = message.trim().toLowerCase();
  if (text.includes('can no longer be refreshed')) return 'window-passed';
  if (text.startsWith('token refresh failed')) return 'refresh-failed';
  if (text.startsWith('token has expired')) return 'expired';
  if (text.includes('token has been blacklisted')) return 'blacklisted';
  if (text.startsWith('invalid token')) return 'invalid';
  return undefined;
}

export type AnswerPhase = 'request' | 'login' | 'refresh';

export interface DfAnswer {
  status: number;
  kind: DfErrorKind;
  message: string;
  /** The body carried DF's error envelope. */
  dfShaped: boolean;
  tokenProblem?: TokenProblem;
  code?: number | string;
  context?: unknown;
}

function describeContentType(contentType: string | undefined): string {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type !== undefined && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type) ? `, ${type}` : '';
}

/** The kind of a non-success HTTP status on its own, when nothing else is known about the answer. */
export function kindForStatus(status: number): DfErrorKind {
  if (status === 400 || status === 422) return 'bad-request';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  return 'http';
}

function kindForDfStatus(status: number, phase: AnswerPhase, message: string): DfErrorKind {
  if (phase === 'login' && status === 401) return 'bad-credentials';
  if (/^invalid credentials supplied|credentials did not match/i.test(message)) return 'bad-credentials';
  return kindForStatus(status);
}

/** DF's own error message in an answer body (JSON text or parsed), entities decoded; null when there is none. */
export function dfErrorMessage(body: unknown): string | null {
  const envelope = readErrorEnvelope(readBody(body));
  return envelope === null ? null : decodeHtmlEntities(envelope.message);
}

/** Gateways answer these while DF is down or starting: transient, not a sign of a wrong URL. */
const GATEWAY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * Classifies a non-success answer (or a success whose body was not DF-shaped). `body` must already be parsed
 * (see readBody).
 */
export function classifyAnswer(
  status: number,
  body: unknown,
  options: { phase?: AnswerPhase; contentType?: string } = {},
): DfAnswer {
  const phase = options.phase ?? 'request';
  const envelope = readErrorEnvelope(body);
  if (envelope !== null) {
    const { message: rawMessage, code, context } = envelope;
    const message = decodeHtmlEntities(rawMessage);
    const tokenProblem = tokenProblemOf(status, message);
    const answer: DfAnswer = {
      status,
      kind: tokenProblem === undefined ? kindForDfStatus(status, phase, message) : 'session-ended',
      message,
      dfShaped: true,
    };
    if (tokenProblem !== undefined) answer.tokenProblem = tokenProblem;
    if (code !== undefined && code !== null) answer.code = code;
    if (context !== undefined && context !== null) answer.context = context;
    return answer;
  }
  const described = `HTTP ${status}${describeContentType(options.contentType)}`;
  if (GATEWAY_STATUSES.has(status)) {
    return {
      status,
      kind: 'server',
      dfShaped: false,
      message: `The server answered ${described} without a DreamFactory error: it may be down or starting. Try again shortly.`,
    };
  }
  return {
    status,
    kind: 'not-dreamfactory',
    dfShaped: false,
    message: `The server did not answer like DreamFactory (${described}). Check the instance URL.`,
  };
}

export function errorFromAnswer(answer: DfAnswer): DfError {
  const details: DfErrorDetails = { status: answer.status };
  if (answer.code !== undefined) details.code = answer.code;
  if (answer.context !== undefined) details.context = answer.context;
  return new DfError(answer.kind, answer.message, details);
}

/** A refresh answer that means the token can never be refreshed (so the session needs a new sign-in). */
export function isTerminalRefreshAnswer(answer: DfAnswer): boolean {
  if (!answer.dfShaped) return false;
  // Every 401 to PUT is a token verdict: "Token refresh failed. …", "… can no longer be refreshed", and on
  // DF 2.9–2.14 "Token has expired" (that era cannot refresh an expired token at all).
  return answer.status === 401 || answer.tokenProblem !== undefined;
}

/** "… refused." with code ECONNREFUSED → "… refused (ECONNREFUSED).": the code is what a search or a support ticket needs. */
function namingCode(message: string, code: string | undefined): string {
  if (code === undefined || message.includes(code)) return message;
  return `${message.replace(/\.$/, '')} (${code}).`;
}

/** Converts a transport failure (no HTTP answer) to a DfError; keeps no reference to the request config. */
export function transportError(error: unknown): DfError {
  if (error instanceof DfError) return error;
  const transport = describeTransportFailure(error);
  // Kind 'network' for TLS and size failures too: the session outlives them, as it outlives a lost network.
  const details: DfErrorDetails = { transport };
  if (transport.code !== undefined) details.code = transport.code;
  return new DfError('network', namingCode(transport.message, transport.code), details);
}
