/**
 * The doctor's three fact sections, as label/value lines: what the server says, what the token says, what DF
 * Desk does about it. Plain text, so the app and the command line show the same words.
 */
import { lifetimeText, relativeText } from './duration.ts';
import type { DfEraFacts } from './era.ts';
import type { ServerFacts, SessionFacts, TokenReading } from './facts.ts';

export type LineTone = 'ok' | 'bad' | 'warn' | 'info';

export interface DoctorLine {
  label: string;
  value: string;
  tone: LineTone;
  /** Local ms the value is about, for a client to show as a clock time as well. */
  at?: number;
}

const line = (label: string, value: string, tone: LineTone = 'info', at?: number): DoctorLine =>
  at === undefined ? { label, value, tone } : { label, value, tone, at };

export function serverLines(server: ServerFacts, era: DfEraFacts): DoctorLine[] {
  switch (server.kind) {
    case 'environment':
      return [
        line('Forever sessions (allow_forever_sessions)', server.allowForeverSessions ? 'On' : 'Off', server.allowForeverSessions ? 'ok' : 'bad'),
        line('Sign-in attribute (login_attribute)', server.loginAttribute),
        line('Version', server.version ?? 'Not shown to DF Desk'),
        line('Session behaviour', era.label),
      ];
    case 'web-server-404': {
      const type = server.contentType === undefined ? '' : ` (${server.contentType.split(';')[0]})`;
      return [line('/api/v2/system/environment', `HTTP ${server.status} from the web server${type}, not from DreamFactory`, 'bad')];
    }
    case 'not-dreamfactory':
      return [line('/api/v2/system/environment', server.detail, 'bad')];
    case 'unreachable':
      return [line('Server', server.detail, 'bad')];
  }
}

/** DF_JWT_TTL as the token shows it: exp − nbf, or exp − iat while `iat` is still this token's own. */
export function tokenLifetimeSeconds(token: TokenReading, refreshed: boolean): number | undefined {
  const start = token.notBefore ?? (token.forever || !refreshed ? token.issuedAt : undefined);
  return start === undefined || token.expires <= start ? undefined : token.expires - start;
}

export function tokenLines(session: SessionFacts | null, now: number): DoctorLine[] {
  if (session === null) return [line('Token', 'Save the instance and sign in: the token is read after sign-in.')];
  const token = session.token;
  if (token === undefined) return [line('Token', 'Not signed in: the token is read after sign-in.')];
  const lifetime = tokenLifetimeSeconds(token, session.refreshed);
  const lines = [
    line('Forever (the token’s forever claim)', token.forever ? 'Yes' : 'No', token.forever ? 'ok' : 'bad'),
    line('Lifetime (the server’s DF_JWT_TTL)', lifetime === undefined ? 'Not readable from this token' : lifetimeText(lifetime)),
  ];
  if (session.expiresAt !== undefined) lines.push(line('Expires', relativeText(session.expiresAt, now), 'info', session.expiresAt));
  return lines;
}

function keepAliveLine(era: DfEraFacts): DoctorLine {
  const label = 'Keep-alive on this DreamFactory';
  if (!era.refreshWorks) return line(label, 'Does not help: DF 2.5 cannot refresh tokens. Upgrade DreamFactory.', 'bad');
  if (era.keepAliveRequired) {
    return line(label, 'Needed: this DF cannot refresh an expired token, so DF Desk refreshes before expiry, even while idle.', 'warn');
  }
  if (era.refreshAfterExpiry === null) {
    return line(label, 'On: the version is not shown, and DF 2.9–2.14 need it (they cannot refresh an expired token).');
  }
  return line(label, 'Not needed (an expired token can still be refreshed); DF Desk keeps it on so the window restarts early.');
}

const REFRESH_TTL_UNREADABLE =
  'DF_JWT_REFRESH_TTL is 14 days by default; DreamFactory does not publish it, so DF Desk cannot read it from outside.';

function endsLine(session: SessionFacts, era: DfEraFacts, now: number): DoctorLine {
  const label = 'What ends the session';
  const token = session.token;
  if (token?.forever === true && era.id === '2.0-2.4') {
    return line(label, 'Only a sign-out or a change to the user: DF 2.0–2.4 re-issue forever tokens even after the refresh window.', 'ok');
  }
  if (token?.forever === true) {
    return line(label, `Going a whole refresh window without a refresh (the computer off or asleep that long). ${REFRESH_TTL_UNREADABLE}`, 'ok');
  }
  const end = session.refreshWindowEndsAt;
  const when = end === undefined ? 'at the end of the refresh window' : `when the refresh window ends, ${relativeText(end, now)} (estimate)`;
  return line(label, `A new sign-in is needed ${when}, whatever DF Desk does. ${REFRESH_TTL_UNREADABLE}`, 'warn', end);
}

export function deskLines(session: SessionFacts | null, era: DfEraFacts, now: number): DoctorLine[] {
  if (session?.token === undefined) {
    return [line('Refreshing', 'Nothing to refresh until you sign in.'), keepAliveLine(era)];
  }
  const next = session.nextRefreshAt;
  const when = next === undefined ? 'Before the token expires' : relativeText(next, now);
  const how = session.keepAlive ? ', even while idle (keep-alive)' : ', at the next request (no keep-alive without a sign-in here)';
  return [line('Next refresh', `${when}${how}`, 'info', next), keepAliveLine(era), endsLine(session, era, now)];
}
