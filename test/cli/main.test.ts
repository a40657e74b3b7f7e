// `dfdesk` end to end: every command as a CHILD PROCESS (node + tsx on electron/cli/main.ts), against the DF test
// server over loopback and the real keychain (keytar on the private gnome-keyring npm test starts; the children
// inherit its D-Bus address), with a temp data folder. Terminal runs go through util-linux `script`, a real pty.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VAULT_SERVICE } from '../../electron/main/adapters/keytar-vault.ts';
import type { DfServer } from '../df-server/index.ts';
import { startDfServer } from '../df-server/index.ts';
import { loadTestKeytar } from '../electron/main/adapters/fixtures/test-keyring.ts';
import { closedPortUrl } from '../fixtures/servers.ts';
import { API_KEY, JANE } from '../fixtures/users.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

let server: DfServer;
let dataDir: string;
const instanceIds: string[] = [];
/** Everything the runs printed, except `token`'s own stdout: no secret may be in any of it. */
const printed: string[] = [];

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DF_DESK_DATA_DIR: dataDir, NO_COLOR: '1', FORCE_COLOR: undefined, ...extra };
}

function finished(child: ChildProcess, started: number, keep: boolean): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      printed.push(stderr);
      if (keep) printed.push(stdout);
      resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** `dfdesk …` with stdout and stderr piped. `keepStdout: false` leaves it out of the secret scan (token). */
function dfdesk(args: string[], options: { stdin?: string; keepStdout?: boolean } = {}): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: ROOT, env: env() });
  child.stdin.end(options.stdin ?? '');
  return finished(child, started, options.keepStdout !== false);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the colour escapes a terminal run prints.
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').replaceAll('\r', '');
const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/**
 * `dfdesk …` on a terminal (a pty from `script`; stdout and stderr both land in the transcript). `answer` is
 * typed once `prompt` shows, as a person would.
 */
function onTerminal(args: string[], typing?: { prompt: string; answer: string }): Promise<Run> {
  const started = performance.now();
  const command = [process.execPath, '--import', 'tsx', 'electron/cli/main.ts', ...args].map(quote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: env({ NO_COLOR: '', TERM: 'xterm' }) });
  if (typing === undefined) child.stdin.end();
  else {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(typing.prompt) && child.stdin.writable) {
        child.stdin.write(`${typing.answer}\r`);
        child.stdin.end();
      }
    });
  }
  return finished(child, started, true);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  // Fails with how to run it when there is no private keyring to use.
  await loadTestKeytar();
  server = await startDfServer({ allowForever: true, ttlSeconds: 600 });
  dataDir = mkdtempSync(join(tmpdir(), 'dfdesk-e2e-'));
});

afterAll(async () => {
  const keytar = await loadTestKeytar();
  for (const { account } of await keytar.findCredentials(DEFAULT_VAULT_SERVICE)) {
    if (instanceIds.some((id) => account.startsWith(`${id}/`) || account === `.origin/${id}`)) {
      await keytar.deletePassword(DEFAULT_VAULT_SERVICE, account);
    }
  }
  await server?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('dfdesk as child processes', { timeout: 60_000 }, () => {
  it('adds instances, the API key from stdin (piped: JSON)', async () => {
    const dev = await dfdesk(['add', 'Dev', server.url, '--tag', 'dev', '--api-key-stdin'], { stdin: `${API_KEY}\n` });
    expect(dev.code).toBe(0);
    const prod = await dfdesk(['add', 'Prod', server.url, '--tag', 'prod', '--api-key-stdin'], { stdin: API_KEY });
    expect(prod.code).toBe(0);
    for (const run of [dev, prod]) instanceIds.push((JSON.parse(run.stdout) as { id: string }).id);
    expect(JSON.parse(prod.stdout)).toMatchObject({ name: 'Prod', tag: 'prod', hasApiKey: true });
  });

  it('refuses a secret given as a flag (2), and a wrong password (3)', async () => {
    const flag = await dfdesk(['login', 'Dev', '--email', JANE.email, '--password', JANE.password]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--password is not accepted');
    const wrong = await dfdesk(['login', 'Dev', '--email', JANE.email, '--password-stdin'], { stdin: 'not-her-password\n' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/credentials/i);
  });

  it('signs in with --password-stdin, and with the password typed at a hidden prompt', async () => {
    const piped = await dfdesk(['login', 'Dev', '--email', JANE.email, '--password-stdin'], { stdin: `${JANE.password}\n` });
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ state: 'active', forever: true, persistence: 'keychain' });
    if (!hasScript) return;
    const typed = await onTerminal(['login', 'Prod', '--email', JANE.email], { prompt: 'Password for', answer: JANE.password });
    expect(typed.code).toBe(0);
    expect(plain(typed.stdout)).toContain('Prod: signed in as Jane Doe');
    expect(typed.stdout).not.toContain(JANE.password);
  });

  it('lists the instances: JSON when piped, columns with colour on a terminal', async () => {
    const piped = await dfdesk(['instances']);
    const listed = JSON.parse(piped.stdout) as Array<{ name: string; session: { state: string } }>;
    expect(listed.map((i) => [i.name, i.session.state])).toEqual([
      ['Dev', 'active'],
      ['Prod', hasScript ? 'active' : 'signed-out'],
    ]);
    if (!hasScript) return;
    const terminal = await onTerminal(['instances']);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toMatch(/NAME.*TAG.*URL.*SESSION/);
    expect(plain(terminal.stdout)).toContain('signed in as Jane Doe <jane@example.com>');
    expect(terminal.stdout).toContain('\u001b[');
    expect(() => JSON.parse(terminal.stdout)).toThrow();
  });

  it('sends a request whose JSON answer a pipe can read; DF’s error answers exit 4', async () => {
    const contacts = await dfdesk(['get', 'Dev', '/db/_table/contacts', '--param', 'limit=3']);
    expect(contacts.code).toBe(0);
    expect((JSON.parse(contacts.stdout) as { resource: unknown[] }).resource).toHaveLength(3);
    const missing = await dfdesk(['request', 'Dev', 'GET', '/db/_table/nope']);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { status_code: 404 } });
  });

  it('sends nothing to production without --yes (2), and sends it with --yes', async () => {
    const row = JSON.stringify({ resource: [{ first_name: 'Ann', last_name: 'Lee', email: 'ann.lee@example.com' }] });
    const posted = () => server.requestLog.filter((e) => e.method === 'POST' && e.path.startsWith('/api/v2/db/_table/contacts')).length;
    const refused = await dfdesk(['post', 'Prod', '/db/_table/contacts', '--data', '-'], { stdin: row });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes');
    expect(posted()).toBe(0);
    const sent = await dfdesk(['post', 'Prod', '/db/_table/contacts', '--data', '-', '--yes'], { stdin: row });
    expect(sent.code).toBe(0);
    expect(posted()).toBe(1);
  });

  it('token: piped, only the token, which a plain HTTP client can use; on a terminal, a warning first', async () => {
    const piped = await dfdesk(['token', 'Dev'], { keepStdout: false });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toMatch(new RegExp(`^${JWT.source}\\n$`));
    const answer = await fetch(`${server.url}/api/v2/db/_table/contacts?limit=1`, {
      headers: { 'X-DreamFactory-API-Key': API_KEY, 'X-DreamFactory-Session-Token': piped.stdout.trim() },
    });
    expect(answer.status).toBe(200);
    if (!hasScript) return;
    const terminal = await onTerminal(['token', 'Dev']);
    printed.pop();
    expect(plain(terminal.stdout)).toContain('This is a secret');
  });

  it('check: a saved instance (0) and an address where nothing listens (5)', async () => {
    const saved = await dfdesk(['check', 'Dev']);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ diagnosis: { verdict: 'forever-working' } });
    const down = await dfdesk(['check', await closedPortUrl()]);
    expect(down.code).toBe(5);
    expect(JSON.parse(down.stdout)).toMatchObject({ diagnosis: { verdict: 'unreachable' } });
  });

  it('status and logout; afterwards the session needs a sign-in (3)', async () => {
    const out = await dfdesk(['logout', 'Dev']);
    expect(out.code).toBe(0);
    const status = await dfdesk(['status', 'Dev']);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'signed-out' });
    const token = await dfdesk(['token', 'Dev'], { keepStdout: false });
    expect(token).toMatchObject({ code: 3, stdout: '' });
    expect(token.stderr).toContain('dfdesk login');
  });

  it('usage errors exit 2; --help exits 0 with the exit codes', async () => {
    expect((await dfdesk(['get', 'Nope', '/x'])).code).toBe(2);
    const help = await dfdesk(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
  });

  it('printed no secret anywhere but token’s own output, and wrote none to the data folder', () => {
    const files = filesUnder(dataDir).map((path) => readFileSync(path, 'utf8'));
    for (const text of [...printed, ...files]) {
      expect(text).not.toContain(JANE.password);
      expect(text).not.toContain(API_KEY);
      expect(text).not.toMatch(JWT);
    }
    expect(printed.length).toBeGreaterThan(15);
  });

  it('starts in reasonable time: dfdesk instances next to node -e 0', async () => {
    const time = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    const bare: number[] = [];
    const cli: number[] = [];
    for (let i = 0; i < 3; i++) {
      bare.push(await time(() => finished(spawn(process.execPath, ['-e', '0']), performance.now(), false)));
      cli.push((await dfdesk(['instances'])).ms);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    console.log(
      `dfdesk startup: node -e 0 ${median(bare).toFixed(0)} ms, dfdesk instances (tsx) ${median(cli).toFixed(0)} ms, ratio ${(median(cli) / median(bare)).toFixed(1)}`,
    );
    expect(median(cli)).toBeLessThan(15_000);
  });
});
