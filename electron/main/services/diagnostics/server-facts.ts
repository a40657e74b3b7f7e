/**
 * The probe's environment answer as the forever-sessions doctor reads it (shared/doctor/facts.ts), and the one
 * extra question a web-server 404 raises: does DreamFactory answer behind /index.php, so that only the web
 * server's rewrite rules are missing?
 */
import type { DfEnvironment } from '../../../../shared/df/index.ts';
import { dfErrorMessage } from '../../../../shared/df/errors.ts';
import type { ServerFacts } from '../../../../shared/doctor/facts.ts';
import { REWRITE_RULES_HINT } from '../../../../shared/doctor/rewrite-rules.ts';
import type { EnvironmentFailure, LastAnswer } from './environment-failure.ts';
import { mediaType } from './environment-failure.ts';


/** A 404 the web server wrote itself: DF answers every /api/v2 path in JSON, its errors in its envelope. */
export function isWebServer404(last: LastAnswer | undefined): last is LastAnswer {
  if (last === undefined || last.status !== 404 || dfErrorMessage(last.body) !== null) return false;
  const type = mediaType(last.contentType);
  return type === undefined || !type.endsWith('json');
}

export function environmentFacts(env: DfEnvironment): ServerFacts {
  const facts: ServerFacts = { kind: 'environment', allowForeverSessions: env.allowForeverSessions, loginAttribute: env.loginAttribute };
  if (env.version !== undefined) facts.version = env.version;
  return facts;
}

/** The failed environment call, classified; `behindIndexPhp` only matters for a web-server 404. */
export function failureFacts(failure: EnvironmentFailure, last: LastAnswer | undefined, behindIndexPhp: boolean | null): ServerFacts {
  if (!failure.reachable) return { kind: 'unreachable', detail: failure.detail, nextStep: failure.nextStep };
  if (isWebServer404(last)) {
    const facts: ServerFacts = { kind: 'web-server-404', status: last.status, dreamFactoryBehindIndexPhp: behindIndexPhp };
    const type = mediaType(last.contentType);
    if (type !== undefined) facts.contentType = type;
    return facts;
  }
  return { kind: 'not-dreamfactory', detail: failure.detail, nextStep: failure.nextStep };
}

/** The DreamFactory check's words when the web server, not DF, answered 404. */
export function webServer404Check(failure: EnvironmentFailure, behindIndexPhp: boolean | null): EnvironmentFailure {
  if (behindIndexPhp === true) {
    return {
      reachable: true,
      detail:
        'The web server answers 404 at /api/v2, but DreamFactory answers at /index.php/api/v2: the web server’s rewrite rules are missing.',
      nextStep: REWRITE_RULES_HINT,
    };
  }
  return { ...failure, nextStep: `${failure.nextStep} If DreamFactory runs at this address, its web server may lack the rewrite rules: ${REWRITE_RULES_HINT}` };
}
