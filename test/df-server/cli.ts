// `npm run df-server`: runs the DreamFactory-compatible test server until SIGINT/SIGTERM.
import { CLI_USAGE, parseCliArgs } from './cli-args.ts';
import { DEFAULT_API_KEY, DEFAULT_USERS } from './fixtures.ts';
import { startDfServer } from './server.ts';
import type { DfServerOptions } from './types.ts';

let options: DfServerOptions;
try {
  options = parseCliArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  console.error(CLI_USAGE);
  process.exit(2);
}

const server = await startDfServer(options);
const users = options.users ?? DEFAULT_USERS;
const lines = [
  `DreamFactory test server (${options.profile ?? 'latest'}) listening on ${server.url}`,
  `API base:  ${server.url}/api/v2`,
  `API key:   ${options.apiKey ?? DEFAULT_API_KEY}`,
  `Token TTL: ${options.ttlSeconds ?? 3600} s, refresh window ${options.refreshTtlSeconds ?? 14 * 24 * 3600} s, forever sessions ${options.allowForever ? 'allowed' : 'off'}`,
  'Demo credentials (test fixtures only):',
  ...users.map((user) => `  ${user.admin ? 'admin' : 'user '}  ${user.email} / ${user.password}`),
  'Press Ctrl+C to stop.',
];
console.log(lines.join('\n'));

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`Received ${signal}, shutting down.`);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
