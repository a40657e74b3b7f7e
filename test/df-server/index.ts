// Entry point of the DreamFactory-compatible loopback test server (used by tests, `npm run bench`, `npm run demo`).
export type {
  DfFault,
  DfProfile,
  DfServer,
  DfServerOptions,
  DfServerStats,
  DfServerUser,
  RecordedRequest,
} from './types.ts';
export { startDfServer } from './server.ts';
export {
  DEFAULT_API_KEY,
  DEFAULT_JWT_SECRET,
  DEFAULT_USERS,
  GUEST_ACCESS_API_KEY,
  NO_ROLE_API_KEY,
} from './fixtures.ts';
