/**
 * `dfdesk token`: the one place a session token leaves DF Desk on purpose, for a script's own curl call. It is
 * NOT on the DeskApi or the IPC contract (the renderer must never get a token); only the command line asks for it.
 *
 * The token comes from the keychain entry the session's token store writes, after the session's own client
 * refreshed it if due, so the caller gets the token DF Desk itself would send. The keychain is also where
 * another DF Desk process (the app) leaves a token it refreshed, so a newer token there wins; an older one
 * means the keychain refused the last save, and handing it out would give a dead token.
 */
import type { Clock } from '../../../shared/df/index.ts';
import { readTokenClaims } from '../../../shared/df/index.ts';
import type { SessionStatus } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { SecretVault } from '../ports.ts';
import type { InstanceRegistry } from './instance-registry.ts';
import { tokenAccount } from './instances/vault-accounts.ts';
import type { SessionManager } from './session-manager.ts';

export interface CliTokens {
  /** A token valid now (refreshed first when due). Rejects with a DeskError: 'session-ended' when not signed in. */
  currentToken(instanceId: string): Promise<string>;
}

export interface CliTokensDeps {
  registry: Pick<InstanceRegistry, 'getLastLogin'>;
  sessions: Pick<SessionManager, 'status' | 'client'>;
  vault: Pick<SecretVault, 'get'>;
  clock: Clock;
}

const notSignedIn = 'You are not signed in to this instance. Please sign in.';

function assertSignedIn(status: SessionStatus): void {
  if (status.state === 'active' || status.state === 'refreshing') return;
  throw new DeskError('session-ended', status.endedReason ?? notSignedIn);
}

export function createCliTokens(deps: CliTokensDeps): CliTokens {
  return {
    async currentToken(instanceId) {
      assertSignedIn(await deps.sessions.status(instanceId));
      const { client } = await deps.sessions.client(instanceId);
      // Refreshes only when due, and joins a refresh already under way: never a second refresh for one token.
      const df = await client.checkNow();
      if (df.state === 'signed-out' || df.state === 'needs-sign-in' || df.token === undefined) {
        throw new DeskError('session-ended', df.endedReason ?? notSignedIn);
      }
      if (df.expiresAt !== undefined && df.expiresAt <= deps.clock.now()) {
        // The refresh it needed failed without ending the session (network or server trouble).
        const failure = df.lastError;
        throw new DeskError(failure?.kind ?? 'network', failure?.message ?? 'The token expired and could not be refreshed.');
      }
      const login = deps.registry.getLastLogin(instanceId);
      const stored = login === undefined ? null : await deps.vault.get(tokenAccount(instanceId, login.login));
      const claims = stored === null ? null : readTokenClaims(stored);
      if (stored === null || claims === null || claims.exp < df.token.exp) {
        throw new DeskError(
          'vault',
          'The system keychain does not hold this session’s current token (it could not save it), so there is no token to hand out. Sign in again.',
        );
      }
      return stored;
    },
  };
}
