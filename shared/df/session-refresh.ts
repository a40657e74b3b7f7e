// One refresh of a session: adopt a newer token from a shared store, wait out a DF 2.0–2.6 mint second, PUT,
// then take the new token, record the failure, or end the session on a terminal answer
// (docs/dreamfactory-protocol.md §3, §4, §8). Runs inside SessionMachine.refresh(), so at most one at a time per
// engine; with a refresh lock (session-types.ts), at most one at a time for everyone sharing the store: inside
// it the store is re-read, and a newer token saved by another process is adopted instead of sending a PUT.
import { sleep } from './clock.ts';
import type { DfAnswer } from './errors.ts';
import { DfError, errorFromAnswer, isTerminalRefreshAnswer } from './errors.ts';
import type { RefreshScheduler } from './refresh-scheduler.ts';
import { lockError, sessionEndedFrom, staleError } from './session-errors.ts';
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

  /**
   * After a blacklisted or invalid token verdict: adopt a newer token from the store, or end the session. Under
   * the lock: another process may be between its PUT (which blacklisted our token) and saving the new one.
   */
  rereadOrEnd(session: Session, answer: DfAnswer): Promise<string> {
    return this.holding(session, () => this.rereadOrEndHeld(session, answer));
  }

  /** A fresh read of the store (checkNow): adopts a newer token another client saved, without a request. */
  async adoptNewer(session: Session): Promise<boolean> {
    let stored: StoredToken;
    try {
      stored = await this.readStore(session, false, true);
    } catch {
      return false; // the session changed meanwhile: nothing to adopt into
    }
    // Only between refreshes: a refresh in flight re-reads the store itself.
    if (stored.kind !== 'newer' || this.context.machine.state.kind !== 'active') return false;
    this.adopt(session, stored);
    return true;
  }

  private async rereadOrEndHeld(session: Session, answer: DfAnswer): Promise<string> {
    const stored = await this.readStore(session, true, true);
    if (stored.kind === 'newer') return this.adopt(session, stored).facts.token;
    const reason = this.context.withoutSecrets(sessionEndedFrom(answer), session.facts.token);
    // Another user's token in the store is someone else's session: do not clear it.
    return this.context.end(session, reason, stored.kind !== 'foreign');
  }

  private async refresh(session: Session): Promise<string> {
    // Another writer of a shared store may already have refreshed: adopting its token saves a PUT that would
    // only meet a blacklisted old token. This read may come from a cache; the one under the lock may not.
    let current = session;
    const stored = await this.readStore(current);
    if (stored.kind === 'newer') {
      current = this.adopt(current, stored);
      if (!this.due(current)) return current.facts.token;
    }
    // Waited out before the lock is taken, so a DF 2.0 mint second never holds up other processes.
    await this.guard(current);
    const held = current;
    return this.holding(held, () => this.refreshHeld(held));
  }

  private async refreshHeld(session: Session): Promise<string> {
    let current = session;
    if (this.context.options.refreshLock !== undefined) {
      const stored = await this.readStore(current, false, true);
      if (stored.kind === 'newer') {
        current = this.adopt(current, stored);
        if (!this.due(current)) return current.facts.token;
        // Due as well (the other process refreshed long ago): refresh it now, while nobody else can.
        await this.guard(current);
      }
    }
    return this.put(current);
  }

  /** The PUT itself, with the lock held (when there is one): the new token is saved before it is let go. */
  private async put(session: Session): Promise<string> {
    const { options, machine } = this.context;
    let outcome: RefreshOutcome;
    try {
      outcome = await options.refresh(session.facts.token);
    } catch (error) {
      throw this.failed(session, error instanceof DfError ? error : new DfError('network', 'The refresh request failed.'));
    }
    if (!machine.isCurrent(session)) throw staleError();
    if (outcome.ok) return this.refreshed(session, outcome);
    if (isTerminalRefreshAnswer(outcome.answer)) return this.rereadOrEndHeld(session, outcome.answer);
    throw this.failed(session, errorFromAnswer(outcome.answer));
  }

  /**
   * Runs `task` under the refresh lock, if there is one. Not getting the lock in time is a failed attempt like
   * a network error (recorded, retried later), never a reason to end the session.
   */
  private async holding<T>(session: Session, task: () => Promise<T>): Promise<T> {
    const slot = this.context.options.refreshLock;
    if (slot === undefined) return task();
    let entered = false;
    try {
      return await slot.lock.run(slot.key, async () => {
        entered = true;
        // Waiting for the lock can take long: a sign-in or sign-out meanwhile makes this work stale.
        if (!this.context.machine.isCurrent(session)) throw staleError();
        return task();
      });
    } catch (error) {
      if (entered) throw error;
      throw this.failed(session, lockError());
    }
  }

  /** DF 2.0–2.6: no refresh inside the token's mint second (docs/dreamfactory-protocol.md §8). */
  private async guard(session: Session): Promise<void> {
    const { options, machine } = this.context;
    const wait = session.facts.guardUntil - options.clock.now();
    if (wait > 0) await sleep(options.timers, wait);
    if (!machine.isCurrent(session)) throw staleError();
  }

  private due(session: Session): boolean {
    return this.context.options.clock.now() >= session.facts.refreshDueAt;
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

  /**
   * Re-reads the store once (see shared-store.ts); `rejected`: the server has declared our token dead; `fresh`:
   * past any cache, for a decision another process may have changed.
   */
  private async readStore(session: Session, rejected = false, fresh = false): Promise<StoredToken> {
    let stored: string | null;
    try {
      stored = await (fresh ? this.context.options.tokens.load({ fresh }) : this.context.options.tokens.load());
    } catch (error) {
      this.context.options.onStorageError?.(error);
      return NOTHING_STORED;
    }
    if (!this.context.machine.isCurrent(session)) throw staleError();
    return judgeStoredToken(stored, session.facts, rejected);
  }

  /** Makes the stored token current; returns the session's new version. */
  private adopt(session: Session, stored: StoredToken & { kind: 'newer' }): Session {
    const { machine, scheduler } = this.context;
    // Checked again: a sign-out may have come between reading the store and now.
    if (!machine.isCurrent(session)) throw staleError();
    const facts = machine.factsOf(stored.token, stored.claims, 'stored');
    const next = afterAdoption(session, facts, machine.mintedAt(stored.claims));
    machine.replace(session, next);
    scheduler.keepAlive(next.facts);
    return next;
  }
}
