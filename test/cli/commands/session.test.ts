import { describe, expect, it } from 'vitest';
import { dfServer } from '../../fixtures/servers.ts';
import { waitFor } from '../../fixtures/waiting.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';
import { cliWorld, fakeTerminal } from '../fixtures/cli-harness.ts';

async function withInstance(options: { ttlSeconds?: number; loginAttribute?: 'email' | 'username' } = {}) {
  const server = await dfServer({ allowForever: true, ...options });
  const world = cliWorld();
  await world.run(['add', 'Dev', server.url, '--api-key-stdin'], { stdin: API_KEY });
  return { server, world };
}

describe('dfdesk login', () => {
  it('signs in with the password from stdin, Remember me on', async () => {
    const { server, world } = await withInstance();
    const result = await world.run(['login', 'dev', '--email', JANE.email, '--password-stdin'], { stdin: `${JANE.password}\n` });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ state: 'active', forever: true, persistence: 'keychain' });
    const login = server.requestLog.find((entry) => entry.method === 'POST' && entry.path.startsWith('/api/v2/user/session'));
    expect(login).toBeDefined();
    expect(result.stdout + result.stderr).not.toContain(JANE.password);
  });

  it('asks for the password on a terminal without echoing it', async () => {
    const { world } = await withInstance();
    const terminal = fakeTerminal();
    const running = world.run(['login', 'Dev', '--email', JANE.email], { stdin: terminal, tty: true });
    // Typed once the prompt has the terminal (raw mode, no echo), as a person would.
    await waitFor(() => terminal.rawModes.includes(true), 'the password prompt');
    terminal.write(`${JANE.password}\r`);
    const result = await running;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Password for jane@example.com on Dev: ');
    expect(result.stderr).not.toContain(JANE.password);
    expect(result.stdout).toContain('Dev: signed in as Jane Doe');
  });

  it('a wrong password exits 3 (still not signed in)', async () => {
    const { world } = await withInstance();
    const result = await world.run(['login', 'Dev', '--email', JANE.email, '--password-stdin'], { stdin: 'wrong-password' });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/dfdesk: .*credentials/i);
    expect(result.stderr).not.toContain('wrong-password');
  });

  it('signs in with a username where the server signs in with usernames', async () => {
    const { world } = await withInstance({ loginAttribute: 'username' });
    const result = await world.run(['login', 'Dev', '--username', 'jane', '--password-stdin'], { stdin: JANE.password });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ state: 'active' });
  });

  it('needs exactly one of --email and --username, and stdin or a terminal for the password (usage)', async () => {
    const { world } = await withInstance();
    expect((await world.run(['login', 'Dev', '--password-stdin'], { stdin: 'x' })).code).toBe(2);
    expect((await world.run(['login', 'Dev', '--email', 'a@b.c', '--username', 'a', '--password-stdin'], { stdin: 'x' })).code).toBe(2);
    const noTerminal = await world.run(['login', 'Dev', '--email', JANE.email]);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toContain('--password-stdin');
    expect((await world.run(['login', 'Nope', '--email', JANE.email, '--password-stdin'], { stdin: 'x' })).code).toBe(2);
  });

  it('warns when the server gives no forever token', async () => {
    const server = await dfServer({ allowForever: false });
    const world = cliWorld();
    await world.run(['add', 'Dev', server.url, '--api-key-stdin'], { stdin: API_KEY });
    const result = await world.run(['login', 'Dev', '--email', JANE.email, '--password-stdin'], { stdin: JANE.password, tty: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('dfdesk check "Dev"');
  });
});

describe('dfdesk status and logout', () => {
  it('shows one session or all, and signs out', async () => {
    const { world } = await withInstance();
    await world.run(['login', 'Dev', '--email', JANE.email, '--password-stdin'], { stdin: JANE.password });
    const one = await world.run(['status', 'Dev']);
    expect(JSON.parse(one.stdout)).toMatchObject({ state: 'active', user: { name: 'Jane Doe' } });
    const all = await world.run(['status']);
    expect(JSON.parse(all.stdout)).toHaveLength(1);
    const pretty = await world.run(['status'], { tty: true });
    expect(pretty.stdout).toMatch(/^Dev: signed in as Jane Doe <jane@example.com> · forever · token expires in/);
    expect(pretty.stdout).toContain('refreshes');
    const out = await world.run(['logout', 'Dev'], { tty: true });
    expect(out).toMatchObject({ code: 0, stdout: 'Signed out of Dev.\n' });
    expect(JSON.parse((await world.run(['status', 'Dev'])).stdout)).toMatchObject({ state: 'signed-out' });
    expect(JSON.parse((await world.run(['logout', 'Dev'])).stdout)).toMatchObject({ state: 'signed-out' });
  });

  it('says so when there are no instances', async () => {
    expect((await cliWorld().run(['status'], { tty: true })).stdout).toContain('No instances yet');
  });
});
