import { describe, expect, it } from 'vitest';
import { CliContext } from '../../electron/cli/context.ts';
import { buildProgram } from '../../electron/cli/program.ts';
import { dfServer } from '../fixtures/servers.ts';
import { API_KEY } from '../fixtures/users.ts';
import { capture, cliWorld, stdinOf } from './fixtures/cli-harness.ts';

describe('buildProgram', () => {
  it('has every command of issue 10', () => {
    const host = { version: '1', platform: 'linux' as const, appDefault: { dataDir: '/x' }, openDesk: () => Promise.reject(new Error()) };
    const ctx = new CliContext({ stdin: stdinOf(), stdout: capture(), stderr: capture(), env: {}, cwd: '/' }, host, () => ({}));
    const names = buildProgram(ctx).commands.map((command) => command.name());
    expect(names).toEqual(['instances', 'add', 'login', 'logout', 'status', 'request', 'get', 'post', 'put', 'patch', 'delete', 'token', 'check']);
  });

  it('takes the global options after the command too', async () => {
    const server = await dfServer();
    const world = cliWorld();
    await world.run(['add', 'Dev', server.url, '--api-key-stdin'], { stdin: API_KEY });
    const onTerminal = await world.run(['instances', '--json'], { tty: true });
    expect(JSON.parse(onTerminal.stdout)).toHaveLength(1);
    const elsewhere = await world.run(['instances', '--data-dir', 'other'], { tty: false });
    expect(JSON.parse(elsewhere.stdout)).toEqual([]);
  });
});
