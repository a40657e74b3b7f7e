// Public entry of the DF session library. Runs in Node and browsers (no platform globals beyond timers/URL).
export { createDfClient } from './client.ts';
export type { DfClient, DfClientOptions, DfLogoutOptions, DfSessionInfo } from './client.ts';
export type { DfCredentials } from './session-calls.ts';
export type {
  DfSessionFailure,
  DfSessionState,
  DfSessionStatus,
  DfTokenTimes,
  RefreshLock,
  RefreshLockSlot,
  TokenLoadOptions,
  TokenStore,
} from './session-types.ts';
export { DfError, isDfError } from './errors.ts';
export type { DfErrorKind } from './errors.ts';
export type { Clock, Timers, TimerHandle } from './clock.ts';
export { systemClock, systemTimers } from './clock.ts';
export type { DfAudience } from './protocol.ts';
export {
  API_KEY_HEADER,
  SESSION_TOKEN_HEADER,
  DEFAULT_REFRESH_WINDOW_SECONDS,
  normalizeInstanceUrl,
  sessionPath,
} from './protocol.ts';
export { readTokenClaims } from './jwt.ts';
export type { DfTokenClaims } from './jwt.ts';
export {
  createRecords,
  deleteRecord,
  deleteRecordByKey,
  describeRecordKey,
  environment,
  recordKey,
  records,
  schema,
  services,
  tables,
  updateRecord,
  updateRecordByKey,
  updateRecords,
  writableKey,
} from './api.ts';
export type {
  DfAuthService,
  DfCallOptions,
  DfEnvironment,
  DfField,
  DfHttp,
  DfId,
  DfRecord,
  DfRecordKey,
  DfRecordPage,
  DfRecordQuery,
  DfService,
  DfTable,
  DfTableSchema,
} from './api.ts';
