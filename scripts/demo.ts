/**
 * `npm run demo`: starts the bundled DF-compatible demo server on loopback, registers it as an instance in a
 * separate demo profile (so your real instances are untouched), prints the URL and demo credentials, then starts
 * the app on that profile. `--no-app` stops after registering (for tests and machines without a display).
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDesk } from '../electron/main/desk.ts';
import { DEFAULT_API_KEY, DEFAULT_USERS, startDfServer } from '../test/df-server/index.ts';

const args = process.argv.slice(2);
const withApp = !args.includes('--no-app');
const port = Number(process.env.DF_DESK_DEMO_PORT ?? 8765);
const dataDir = process.env.DF_DESK_DATA_DIR ?? join(tmpdir(), 'df-desk-demo');

// A fixed port keeps the registered URL valid across demo runs; fall back to any port when it is taken.
const server = await startDfServer({ port, ttlSeconds: 120, allowForever: true, profile: 'latest' }).catch(() =>
  startDfServer({ port: 0, ttlSeconds: 120, allowForever: true, profile: 'latest' }),
);

const desk = await createDesk({ dataDir });
const existing = (await desk.api.instances.list()).find((i) => i.name === 'Demo DF (local)');
if (existing) await desk.api.instances.update(existing.id, { url: server.url, apiKey: DEFAULT_API_KEY });
else await desk.api.instances.add({ name: 'Demo DF (local)', url: server.url, apiKey: DEFAULT_API_KEY, tag: 'dev' });
await desk.dispose();

// Printed on purpose: the bundled test server's fixed, public demo credentials (test/df-server/fixtures.ts),
// which the user types into the app. They open nothing but this loopback server; no real secret is logged here.
const users = DEFAULT_USERS.map((u) => `  ${u.admin ? 'admin' : 'user '}  ${u.email} / ${u.password}`).join('\n');
console.log(`DF Desk demo server (DreamFactory-compatible, latest era, forever sessions on, 120 s tokens)
  URL:      ${server.url}
  API key:  ${DEFAULT_API_KEY}
${users}
  profile:  ${dataDir} (instance "Demo DF (local)" registered)`);

const stop = async (code: number): Promise<never> => {
  await server.close();
  process.exit(code);
};

if (!withApp) {
  console.log('Demo server running; press Ctrl+C to stop.');
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
} else {
  const start = fileURLToPath(new URL('./start.mjs', import.meta.url));
  const app = spawn(process.execPath, [start], { stdio: 'inherit', env: { ...process.env, DF_DESK_DATA_DIR: dataDir } });
  app.on('exit', (code) => {
    if (code === 0) return void stop(0);
    console.log('The app did not start (see above). The demo server keeps running; press Ctrl+C to stop.');
  });
  process.on('SIGINT', () => {
    app.kill('SIGINT');
    void stop(0);
  });
}
