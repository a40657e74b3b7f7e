// Everything one server instance knows; handlers receive it instead of reaching for globals (tests run servers side by side).
import type { ServerClock } from './clock.ts';
import type { DbStore } from './db-store.ts';
import type { EraRules } from './era.ts';
import type { EraErrors } from './errors-by-era.ts';
import type { AppRecord, UserRecord } from './fixtures.ts';
import type { TokenStore } from './token-store.ts';

export interface ServerState {
  era: EraRules;
  errors: EraErrors;
  clock: ServerClock;
  tokens: TokenStore;
  users: UserRecord[];
  apps: AppRecord[];
  jwtSecret: string;
  ttlSeconds: number;
  refreshTtlSeconds: number;
  allowForever: boolean;
  loginAttribute: 'email' | 'username';
  version: string;
  hostName: string;
  db: DbStore;
}
