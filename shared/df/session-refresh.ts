// One refresh of a session: adopt a newer token from a shared store, wait out a DF 2.0–2.6 mint second, PUT,
// then take the new token, record the failure, or end the session on a terminal answer
// (docs/dreamfactory-protocol.md §3, §4, §8). Runs inside SessionMachine.refresh(), so at most one at a time.
import { sleep } from './clock.ts';
import type { DfAnswer } from './errors.ts';
import { DfError, errorFromAnswer, isTerminalRefreshAnswer } from './errors.ts';
import type { RefreshScheduler } from './refresh-scheduler.ts';
import { sessionEndedFrom, staleError } from './session-errors.ts';
import type { SessionMachine } from './session-machine.ts';
import type { Session } from './session-state.ts';
import { afterAdoption, afterFailure, afterRefresh } from './session-state.ts';
import type { RefreshOutcome, SessionEngineOptions } from './session-types.ts';
import type { StoredToken } from './shared-store.ts';
import { NOTHING_STORED, judgeStoredToken } from './shared-store.ts';
import { afterRefreshFloor } from './token-timing.ts';

export interface RefreshContext {
  readonly options: SessionEngineOptions;
  readonly machine: SessionMachine;
  readonly scheduler: RefreshScheduler;
  /** Ends `session` for good when it is still current, then rejects with `reason`. */
  end(session: Session, reason: DfError, clearStore: boolean): Promise<never>;
  /** `error` without the instance's secrets, `sent` or the current token. */
  withoutSecrets(error: DfError, sent: string): DfError;
}

/** Every step checks, after each wait, that its session is still current: else it leaves the new one alone. */
export class Refresher {
  private readonly context: RefreshContext;
  /** The refresh task for SessionMachine.refresh(). */
  readonly run = (session: Session): Promise<string> => this.refresh(session);

  constructor(context: RefreshContext) {
    this.context = context;
  }

  /** After a blacklisted or invalid token verdict: adopt a newer token from the store, or end the session. */
  async rereadOrEnd(session: Session, answer: DfAnswer): Promise<string> {
    const stored = await this.readStore(session, true);
    if (stored.kind === 'newer') return this.adopt(session, stored);
    const reason = this.context.withoutSecrets(sessionEndedFrom(answer), session.facts.token);
    // Another user's token in the store is someone else's session: do not clear it.
    return this.context.end(session, reason, stored.kind !== 'foreign');
  }

  private async refresh(session: Session): Promise<string> {
    const { options, machine } = this.context;
    // Another writer of a shared store may already have refreshed: adopting its token saves a PUT that would
    // only meet a blacklisted old token.
    const stored = await this.readStore(session);
    if (stored.kind === 'newer') return this.adopt(session, stored);
    const wait = session.facts.guardUntil - options.clock.now();
    if (wait > 0) await sleep(options.timers, wait);
    if (!machine.isCurrent(session)) throw staleError();
    let outcome: RefreshOutcome;
    try {
      outcome = await options.refresh(session.facts.token);
    } catch (error) {
      throw this.failed(session, error instanceof DfError ? error : new DfError('network', 'The refresh request failed.'));
    }
    if (!machine.isCurrent(session)) throw staleError();
    if (outcome.ok) return this.refreshed(session, outcome);
    if (isTerminalRefreshAnswer(outcome.answer)) return this.rereadOrEnd(session, outcome.answer);
    throw this.failed(session, errorFromAnswer(outcome.answer));
  }

  private async refreshed(session: Session, outcome: RefreshOutcome & { ok: true }): Promise<string> {
    const { options, machine } = this.context;
    const now = options.clock.now();
    const facts = afterRefreshFloor(machine.factsOf(outcome.token, outcome.claims, 'refresh', outcome), now, session.facts.token);
    machine.replace(session, afterRefresh(session, facts, now));
    // Saved before the waiting requests are released (they await this promise).
    try {
      await options.tokens.save(outcome.token);
    } catch (error) {
      // The new token is the only valid one (the old is blacklisted), so keep using it in memory.
      options.onStorageError?.(error);
    }
    this.context.scheduler.refreshed(machine.session?.facts ?? null);
    return outcome.token;
  }

  /** Records a failed attempt (the status keeps it, with its time) and returns the error to throw. */
  private failed(session: Session, error: DfError): DfError {
    const failure = this.context.withoutSecrets(error, session.facts.token);
    this.context.machine.replace(session, afterFailure(session, failure, this.context.options.clock.now()));
    return failure;
  }

  /** Re-reads the store once (see shared-store.ts); `rejected`: the server has declared our token dead. */
  private async readStore(session: Session, rejected = false): Promise<StoredToken> {
    let stored: string | null;
    try {
      stored = await this.context.options.tokens.load();
    } catch (error) {
      this.context.options.onStorageError?.(error);
      return NOTHING_STORED;
    }
    if (!this.context.machine.isCurrent(session)) throw staleError();
    return judgeStoredToken(stored, session.facts, rejected);
  }

  private adopt(session: Session, stored: StoredToken & { kind: 'newer' }): string {
    const { machine, scheduler } = this.context;
    // Checked again: a sign-out may have come between reading the store and now.
    if (!machine.isCurrent(session)) throw staleError();
    const next = afterAdoption(session, machine.factsOf(stored.token, stored.claims, 'stored'));
    machine.replace(session, next);
    scheduler.keepAlive(next.facts);
    return stored.token;
  }
}
