// Adopting the stored token when a client starts (resume(), or lazily on its first request): valid → active
// without any request; expired but plausibly inside the refresh window → exactly one refresh; otherwise → needs
// sign-in (docs/dreamfactory-protocol.md §3). The engine (session.ts) owns the state; this decides the steps.
import { DfError } from './errors.ts';
import type { DfTokenClaims } from './jwt.ts';
import { readTokenClaims } from './jwt.ts';
import type { RefreshScheduler } from './refresh-scheduler.ts';
import type { SessionMachine } from './session-machine.ts';
import type { Refresher } from './session-refresh.ts';
import { newSession } from './session-state.ts';
import type { SessionEngineOptions } from './session-types.ts';

export interface LaunchContext {
  readonly options: SessionEngineOptions;
  readonly machine: SessionMachine;
  readonly scheduler: RefreshScheduler;
  readonly refresher: Refresher;
  /** Ends the session for good: the store cleared, the host told once. */
  end(reason: DfError, claims: DfTokenClaims | null): Promise<void>;
}

export async function resumeFromStore(context: LaunchContext): Promise<void> {
  const { options, machine, scheduler, refresher } = context;
  const before = machine.state;
  if (machine.session !== null) return;
  // Fresh: a client starting over a store another client (or process) used may find its copy out of date, e.g.
  // a rebuilt session after `dfdesk login` wrote a new token where the ended one had cleared the entry.
  const stored = await options.tokens.load({ fresh: true });
  // A sign-in or sign-out while the store was read wins over what was read.
  if (machine.state !== before) return;
  scheduler.reset();
  if (stored === null) {
    // Nothing changes for a client that was signed out anyway (say, the first request of a key-only client).
    if (before.kind === 'signed-out') return;
    machine.signOut();
    machine.emit();
    return;
  }
  const claims = readTokenClaims(stored);
  if (claims === null) {
    await context.end(new DfError('session-ended', 'The stored token is not a DreamFactory token. Please sign in again.'), null);
    return;
  }
  const now = options.clock.now();
  machine.assumeOffsetFrom(claims, now);
  const session = newSession(machine.factsOf(stored, claims, 'stored'));
  const { expiresAt, windowEndsAt } = session.facts;
  if (now < expiresAt) {
    machine.activate(session);
    scheduler.keepAlive(session.facts);
    machine.emit();
  } else if (options.refreshWindowKnown === true && windowEndsAt !== undefined && now >= windowEndsAt) {
    await context.end(new DfError('session-ended', 'The session is past its refresh window. Please sign in again.'), claims);
  } else {
    machine.activate(session);
    // The status tells the outcome: needs-sign-in after a terminal answer, else active with lastError.
    await machine.refresh(refresher.run).catch(() => scheduler.retry(machine.session?.facts ?? null));
  }
}
