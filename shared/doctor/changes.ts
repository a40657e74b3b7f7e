/**
 * What changed between two checks ("Forever sessions: was off, now on"), so "Check again" answers the
 * question the user has: did what I just did make a difference?
 */
import type { DoctorFacts, ServerFacts } from './facts.ts';

export interface DoctorChange {
  what: string;
  was: string;
  now: string;
  /** The change is what the user wanted (on, forever, reachable). */
  better: boolean;
}

function serverState(server: ServerFacts): string {
  switch (server.kind) {
    case 'environment':
      return 'DreamFactory’s answer';
    case 'web-server-404':
      return `a ${server.status} from the web server`;
    case 'not-dreamfactory':
      return 'an answer that is not DreamFactory’s';
    case 'unreachable':
      return 'no answer';
  }
}

const onOff = (on: boolean) => (on ? 'on' : 'off');
const yesNo = (yes: boolean) => (yes ? 'forever' : 'not forever');

function tokenState(facts: DoctorFacts): string | undefined {
  const token = facts.session?.token;
  if (facts.session === null) return undefined;
  return token === undefined ? 'no token (not signed in)' : yesNo(token.forever);
}

export function changesBetween(before: DoctorFacts, after: DoctorFacts): DoctorChange[] {
  const changes: DoctorChange[] = [];
  const [was, now] = [serverState(before.server), serverState(after.server)];
  if (was !== now) changes.push({ what: 'GET /api/v2/system/environment', was, now, better: after.server.kind === 'environment' });
  const [a, b] = [before.server, after.server];
  if (a.kind === 'environment' && b.kind === 'environment') {
    if (a.allowForeverSessions !== b.allowForeverSessions) {
      changes.push({
        what: 'Forever sessions',
        was: onOff(a.allowForeverSessions),
        now: onOff(b.allowForeverSessions),
        better: b.allowForeverSessions,
      });
    }
    if (a.loginAttribute !== b.loginAttribute) {
      changes.push({ what: 'Sign-in attribute', was: a.loginAttribute, now: b.loginAttribute, better: true });
    }
    if (a.version !== undefined && b.version !== undefined && a.version !== b.version) {
      changes.push({ what: 'Version', was: a.version, now: b.version, better: true });
    }
  }
  const [tokenWas, tokenNow] = [tokenState(before), tokenState(after)];
  if (tokenWas !== undefined && tokenNow !== undefined && tokenWas !== tokenNow) {
    changes.push({ what: 'This session’s token', was: tokenWas, now: tokenNow, better: after.session?.token?.forever === true });
  }
  return changes;
}

/** "Forever sessions: was off, now on." */
export function changeText(change: DoctorChange): string {
  return `${change.what}: was ${change.was}, now ${change.now}.`;
}
