/**
 * Why GET /api/v2/system/environment did not give a DreamFactory environment, in plain words with a next
 * step: nothing answered (refused, DNS, timeout, TLS), something answered that is not DF (a web page, a 404,
 * a redirect elsewhere, an answer over the probe's size cap), or DF answered with an error.
 */
import { DfError } from '../../../../shared/df/index.ts';
import { dfErrorMessage } from '../../../../shared/df/errors.ts';
import { probeCapText } from './answer-cap.ts';

export interface LastAnswer {
  status: number;
  contentType?: string;
  body: unknown;
}

export interface EnvironmentFailure {
  reachable: boolean;
  /** The reachability detail when unreachable, else the DreamFactory check's detail. */
  detail: string;
  nextStep: string;
}

const rootUrlStep = (url: string) =>
  `Enter the instance's root address (the part before /api/v2), for example https://df.example.com. DF Desk tried ${url}/api/v2.`;

/** `text/html` of `text/html; charset=utf-8`, lower-cased; undefined when there is none. */
export function mediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === undefined || type === '' ? undefined : type;
}

export function describeEnvironmentFailure(error: unknown, last: LastAnswer | undefined, url: string): EnvironmentFailure {
  if (error instanceof DfError && error.transport?.kind === 'too-large') {
    // Something answered, and kept answering: the probe stopped reading at its cap (answer-cap.ts).
    return {
      reachable: true,
      detail: `The server's answer to /api/v2/system/environment was too large (over ${probeCapText}); DreamFactory's is a few kilobytes, so this does not look like DreamFactory.`,
      nextStep: rootUrlStep(url),
    };
  }
  if (error instanceof DfError && error.transport !== undefined) {
    return { reachable: false, detail: error.transport.message, nextStep: error.transport.nextStep };
  }
  if (!(error instanceof DfError)) {
    return { reachable: false, detail: 'The check failed unexpectedly.', nextStep: 'Try again.' };
  }
  if (error.kind === 'http' && last !== undefined && last.status >= 300 && last.status < 400) {
    // The session library refused to follow it (another origin, or a loop); its message names the target.
    return { reachable: true, detail: error.message, nextStep: 'Use the address the server redirects to as the instance URL.' };
  }
  if (last === undefined) return { reachable: true, detail: error.message, nextStep: rootUrlStep(url) };

  const type = mediaType(last.contentType);
  const described = `HTTP ${last.status}${type === undefined ? '' : `, ${type}`}`;
  const dfMessage = dfErrorMessage(last.body);
  if (dfMessage !== null) {
    if (last.status === 404) {
      return {
        reachable: true,
        detail: `The server answers in DreamFactory's error format, but has no /api/v2/system/environment (${described}: ${dfMessage}).`,
        nextStep: rootUrlStep(url),
      };
    }
    if (last.status >= 500) {
      return {
        reachable: true,
        detail: `DreamFactory answered with a server error (${described}: ${dfMessage}).`,
        nextStep: "Check DreamFactory's log on the server (storage/logs), then try again.",
      };
    }
    return {
      reachable: true,
      detail: `DreamFactory refused the environment call (${described}: ${dfMessage}).`,
      nextStep: 'Check the instance URL; if it is right, ask the DreamFactory administrator.',
    };
  }
  if (last.status === 502 || last.status === 503 || last.status === 504) {
    return {
      reachable: true,
      detail: `A gateway answered ${described}: DreamFactory may be down or starting.`,
      nextStep: 'Try again in a minute. If it persists, check the web server and PHP on the DreamFactory host.',
    };
  }
  if (last.status === 404) {
    return {
      reachable: true,
      detail: `Nothing DreamFactory-like answers at this address: /api/v2/system/environment was not found (${described}).`,
      nextStep: rootUrlStep(url),
    };
  }
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    return {
      reachable: true,
      detail: `The address answered with a web page (${described}), not DreamFactory's API.`,
      nextStep: `${rootUrlStep(url)} If DreamFactory runs under a sub-path, include it.`,
    };
  }
  return {
    reachable: true,
    detail: `The server answered, but not like DreamFactory (${described}).`,
    nextStep: rootUrlStep(url),
  };
}
