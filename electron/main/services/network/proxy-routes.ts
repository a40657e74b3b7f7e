/**
 * The route each DF origin takes, asked of the host (Chromium's proxy resolver) and remembered for a few
 * seconds: a storm of a hundred requests asks once, and a change of network (VPN on, another Wi-Fi, a new PAC
 * script) is picked up within ROUTE_TTL_MS.
 *
 * It asks for `<origin>/`, never the request's path and query: Chromium itself hands PAC scripts only the
 * origin of https URLs, and data in a path (table names, filters) has no business in a proxy decision.
 *
 * A proxy found unreachable is tried last for BAD_PROXY_MS (Chromium's default retry delay), so a dead
 * proxy costs one failed connection, not one per request. A resolver that fails or takes longer than
 * RESOLVE_TIMEOUT_MS means DIRECT (as Chromium does when a PAC script cannot be fetched), said in the log.
 */
import type { Clock, Timers } from '../../../../shared/df/clock.ts';
import type { Logger } from '../../ports.ts';
import type { ProxyChoice } from './proxy-rules.ts';
import { choiceLabel, parseProxyRules } from './proxy-rules.ts';

export const ROUTE_TTL_MS = 10_000;
export const BAD_PROXY_MS = 5 * 60_000;
export const RESOLVE_TIMEOUT_MS = 10_000;

export interface ProxyRoutesDeps {
  resolve: (url: string) => Promise<string>;
  logger: Logger;
  clock: Clock;
  timers: Timers;
  ttlMs?: number;
  badForMs?: number;
  resolveTimeoutMs?: number;
}

function within<T>(promise: Promise<T>, ms: number, timers: Timers): Promise<T> {
  return new Promise((resolve, reject) => {
    const handle = timers.setTimeout(() => reject(new Error(`No answer within ${ms / 1000} s.`)), ms);
    promise.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve(value);
      },
      (error: unknown) => {
        timers.clearTimeout(handle);
        reject(error);
      },
    );
  });
}

export class ProxyRoutes {
  private readonly deps: ProxyRoutesDeps;
  private readonly known = new Map<string, { at: number; choices: Promise<readonly ProxyChoice[]> }>();
  /** Proxy label → until when it is tried last. */
  private readonly bad = new Map<string, number>();
  /** What was last logged per origin, so the log says each route once, not per request. */
  private readonly told = new Map<string, string>();

  constructor(deps: ProxyRoutesDeps) {
    this.deps = deps;
  }

  /** The choices to try for `origin` (e.g. "https://df.example.com:8443"), in order. Never rejects. */
  async choicesFor(origin: string): Promise<readonly ProxyChoice[]> {
    const now = this.deps.clock.now();
    let entry = this.known.get(origin);
    if (entry === undefined || now - entry.at >= (this.deps.ttlMs ?? ROUTE_TTL_MS)) {
      entry = { at: now, choices: this.lookUp(origin) };
      this.known.set(origin, entry);
    }
    return this.ordered(await entry.choices);
  }

  /** `choice` could not be reached: try it last for a while. */
  markBad(choice: ProxyChoice, reason: string): void {
    if (choice.kind === 'direct') return;
    const label = choiceLabel(choice);
    this.bad.set(label, this.deps.clock.now() + (this.deps.badForMs ?? BAD_PROXY_MS));
    this.deps.logger.warn('A proxy could not be reached; the next route is tried, and this proxy is tried last for a while.', {
      proxy: label,
      reason,
    });
  }

  private ordered(choices: readonly ProxyChoice[]): readonly ProxyChoice[] {
    if (this.bad.size === 0) return choices;
    const now = this.deps.clock.now();
    const isBad = (choice: ProxyChoice) => {
      const until = this.bad.get(choiceLabel(choice));
      if (until === undefined) return false;
      if (until > now) return true;
      this.bad.delete(choiceLabel(choice));
      return false;
    };
    const last = choices.filter(isBad);
    return last.length === 0 ? choices : [...choices.filter((choice) => !last.includes(choice)), ...last];
  }

  private async lookUp(origin: string): Promise<readonly ProxyChoice[]> {
    const { logger } = this.deps;
    let answer: string;
    try {
      answer = await within(this.deps.resolve(`${origin}/`), this.deps.resolveTimeoutMs ?? RESOLVE_TIMEOUT_MS, this.deps.timers);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (this.tellOnce(origin, `failed: ${reason}`)) {
        logger.warn("The system's proxy settings could not be read; connecting directly.", { origin, reason });
      }
      return parseProxyRules('DIRECT').choices;
    }
    const rules = parseProxyRules(answer);
    if (this.tellOnce(origin, answer)) {
      logger.info('Route to a DreamFactory server, from the system proxy settings.', { origin, route: answer });
      if (rules.skipped.length > 0) {
        logger.warn('DF Desk cannot use some of these proxies (SOCKS and QUIC are not supported); they were skipped.', {
          origin,
          skipped: rules.skipped,
          ...(rules.directAdded ? { fallback: 'DIRECT' } : {}),
        });
      }
    }
    return rules.choices;
  }

  private tellOnce(origin: string, what: string): boolean {
    if (this.told.get(origin) === what) return false;
    this.told.set(origin, what);
    return true;
  }
}
