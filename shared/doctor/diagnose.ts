/**
 * The forever-sessions doctor's decision: from what the server and the token say, what is wrong (if anything),
 * what the user should do next, and which facts to show. Pure, so each branch has its own unit test and the
 * app and the command line decide alike.
 */
import { clockSkewOf } from './clock-skew.ts';
import { durationText } from './duration.ts';
import { eraOf } from './era.ts';
import type { DoctorFacts } from './facts.ts';
import type { DoctorLine } from './lines.ts';
import { deskLines, serverLines, tokenLines } from './lines.ts';

export type DoctorVerdict =
  | 'unreachable'
  | 'not-dreamfactory'
  | 'rewrite-rules'
  | 'forever-off'
  | 'forever-on-not-signed-in'
  | 'forever-on-token-not-forever'
  | 'forever-working';

export type FindingId = 'clock-ahead' | 'clock-behind' | 'refresh-broken' | 'sleep-ends-session' | 'forever-token-server-off';

export interface DoctorFinding {
  id: FindingId;
  title: string;
  detail: string;
}

export interface Diagnosis {
  verdict: DoctorVerdict;
  tone: 'ok' | 'bad' | 'warn';
  headline: string;
  explanation: string;
  server: DoctorLine[];
  token: DoctorLine[];
  desk: DoctorLine[];
  findings: DoctorFinding[];
  /** Forever sessions are off: show the steps for the user's kind of install. */
  showInstallSteps: boolean;
  /** The server allows forever sessions but this session has no forever token. */
  offerSignInWithRememberMe: boolean;
  /** Whether DF answered behind /index.php (the rewrite-rules verdict only). */
  dreamFactoryBehindIndexPhp?: boolean | null;
}

type Verdictful = Pick<Diagnosis, 'verdict' | 'tone' | 'headline' | 'explanation'>;

function verdictOf(facts: DoctorFacts): Verdictful {
  const { server, session } = facts;
  if (server.kind === 'unreachable') {
    return { verdict: 'unreachable', tone: 'bad', headline: 'DF Desk could not reach the server.', explanation: server.nextStep };
  }
  if (server.kind === 'not-dreamfactory') {
    return { verdict: 'not-dreamfactory', tone: 'bad', headline: 'This address does not answer like DreamFactory.', explanation: server.nextStep };
  }
  if (server.kind === 'web-server-404') {
    return {
      verdict: 'rewrite-rules',
      tone: 'bad',
      headline: 'The web server answers 404 before DreamFactory sees the request.',
      explanation:
        'Its rewrite rules, which hand every /api/v2 address to DreamFactory’s index.php, are missing. Add them (below) and reload the web server.',
    };
  }
  if (!server.allowForeverSessions) {
    return {
      verdict: 'forever-off',
      tone: 'bad',
      headline: 'Forever sessions are off on this server.',
      explanation:
        'DreamFactory ignores Remember me: DF Desk keeps refreshing the token, but you will have to sign in again when the refresh window ends (14 days after sign-in by default). A DreamFactory admin turns them on with the steps below.',
    };
  }
  const token = session?.token;
  if (token === undefined) {
    return {
      verdict: 'forever-on-not-signed-in',
      tone: 'ok',
      headline: 'Forever sessions are on.',
      explanation: 'Sign in with Remember me ticked to get a forever token.',
    };
  }
  if (!token.forever) {
    return {
      verdict: 'forever-on-token-not-forever',
      tone: 'warn',
      headline: 'Forever sessions are on, but this session’s token is not forever.',
      explanation:
        'The token was issued to a sign-in without Remember me, or before the server allowed forever sessions. Sign in again with Remember me to get a forever token.',
    };
  }
  return {
    verdict: 'forever-working',
    tone: 'ok',
    headline: 'Forever sessions work: this session’s token is forever.',
    explanation: 'DF Desk refreshes it before it expires, and every refresh starts a new refresh window.',
  };
}

function findingsOf(facts: DoctorFacts, era: ReturnType<typeof eraOf>): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  const skew = clockSkewOf(facts.session, facts.checkedAt);
  if (skew !== null) {
    const amount = durationText(skew.ms);
    const measured = skew.source === 'measured' ? 'measured it when the token arrived and converts' : 'converts';
    findings.push(
      skew.direction === 'ahead'
        ? {
            id: 'clock-ahead',
            title: `The server’s clock is about ${amount} ahead of this computer’s.`,
            detail: `The token’s issue time (iat/nbf) lies about ${amount} in this computer’s future. DF Desk already corrects for it: it ${measured} every token time, so refreshes still come on time. Setting both clocks by NTP removes the difference.`,
          }
        : {
            id: 'clock-behind',
            title: `The server’s clock is about ${amount} behind this computer’s.`,
            detail: `Tokens look older than they are here. DF Desk already corrects for it: it ${measured} every token time, so refreshes still come on time. Setting both clocks by NTP removes the difference.`,
          },
    );
  }
  if (facts.server.kind === 'environment' && !era.refreshWorks) {
    findings.push({
      id: 'refresh-broken',
      title: 'DreamFactory 2.5 cannot refresh tokens.',
      detail: 'Every refresh fails on 2.5 (fixed in 2.6), so each session ends when its token expires, forever or not. Upgrade DreamFactory.',
    });
  }
  if (facts.session?.token !== undefined && era.keepAliveRequired) {
    findings.push({
      id: 'sleep-ends-session',
      title: 'On this DreamFactory, sleeping past the token’s expiry ends the session.',
      detail: 'DF 2.9–2.14 cannot refresh an expired token. DF Desk refreshes before expiry while it runs; a computer asleep or off for longer than the token’s lifetime needs a new sign-in.',
    });
  }
  const server = facts.server;
  if (server.kind === 'environment' && !server.allowForeverSessions && facts.session?.token?.forever === true) {
    findings.push({
      id: 'forever-token-server-off',
      title: 'This token is forever, but the server now says forever sessions are off.',
      detail: 'It was issued while they were on. Its next refresh may bring an ordinary token, which ends with its refresh window.',
    });
  }
  return findings;
}

export function diagnose(facts: DoctorFacts): Diagnosis {
  const version = facts.server.kind === 'environment' ? facts.server.version : undefined;
  const era = eraOf(version, facts.session?.token);
  const verdict = verdictOf(facts);
  const diagnosis: Diagnosis = {
    ...verdict,
    server: serverLines(facts.server, era),
    token: tokenLines(facts.session, facts.checkedAt),
    desk: deskLines(facts.session, era, facts.checkedAt),
    findings: findingsOf(facts, era),
    showInstallSteps: verdict.verdict === 'forever-off',
    offerSignInWithRememberMe:
      facts.session !== null && (verdict.verdict === 'forever-on-token-not-forever' || verdict.verdict === 'forever-on-not-signed-in'),
  };
  if (facts.server.kind === 'web-server-404') diagnosis.dreamFactoryBehindIndexPhp = facts.server.dreamFactoryBehindIndexPhp;
  return diagnosis;
}
