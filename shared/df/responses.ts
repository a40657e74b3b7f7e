// Reading DF's HTTP answers inside the client: the classified answer of a failure, and the session object of
// a sign-in or refresh (docs/dreamfactory-protocol.md §1, §4).
import type { AxiosResponse } from 'axios';
import { readBody } from './body.ts';
import type { AnswerPhase, DfAnswer } from './errors.ts';
import { DfError, classifyAnswer } from './errors.ts';
import type { DfTokenClaims } from './jwt.ts';
import { hasImpossibleTimes, readTokenClaims } from './jwt.ts';
import { headerValue } from './redirects.ts';
import type { DfSessionWire } from './wire.ts';
import { readSessionWire } from './wire.ts';

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export function answerOf(response: AxiosResponse, phase: AnswerPhase): DfAnswer {
  return classifyAnswer(response.status, readBody(response.data), {
    phase,
    contentType: headerValue(response.headers, 'content-type'),
  });
}

/** The session object and its token's claims, or null when the body is not a DF session. */
export function parseSession(data: unknown): { wire: DfSessionWire; claims: DfTokenClaims } | null {
  const wire = readSessionWire(readBody(data));
  if (wire === null) return null;
  const claims = readTokenClaims(wire.session_token);
  return claims === null ? null : { wire, claims };
}

/** A 2xx that is not a DF session: most likely a web page or another API at that URL. */
export function notDreamFactory(response: AxiosResponse, what: string): DfError {
  const type = headerValue(response.headers, 'content-type')?.split(';')[0]?.trim();
  const described = type === undefined || type === '' ? '' : `, ${type}`;
  return new DfError(
    'not-dreamfactory',
    `The server's answer to ${what} was not a DreamFactory session (HTTP ${response.status}${described}). Check the instance URL.`,
    { status: response.status },
  );
}

/**
 * Why a 2xx was not a usable session (parseSession gave null): a session whose token has impossible times is
 * the server's fault ('server'), anything else is not DreamFactory.
 */
export function notASession(response: AxiosResponse, what: string): DfError {
  const wire = readSessionWire(readBody(response.data));
  if (wire !== null && hasImpossibleTimes(wire.session_token)) {
    return new DfError(
      'server',
      `The server's answer to ${what} carried a session token with impossible times (it expires before it is valid, or a time is not a usable number). Check the DreamFactory server's clock and its token settings (DF_JWT_TTL).`,
      { status: response.status },
    );
  }
  return notDreamFactory(response, what);
}
