import { describe, expect, it } from 'vitest';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY } from '../../fixtures/users.ts';
import { cliWorld } from '../fixtures/cli-harness.ts';

describe('dfdesk add', () => {
  it('adds an instance with its API key from stdin and prints it as JSON when piped', async () => {
    const server = await dfServer();
    const world = cliWorld();
    const added = await world.run(['add', 'Staging', server.url, '--tag', 'STAGING', '--api-key-stdin'], { stdin: `${API_KEY}\n` });
    expect(added.code).toBe(0);
    const instance = JSON.parse(added.stdout);
    expect(instance).toMatchObject({ name: 'Staging', url: server.url, tag: 'staging', hasApiKey: true });
    expect(added.stdout + added.stderr).not.toContain(API_KEY);
    expect(world.desks).toEqual({ opened: 1, disposed: 1 });
  });

  it('says what to do next on a terminal', async () => {
    const world = cliWorld();
    const added = await world.run(['add', 'Dev', 'http://127.0.0.1:9'], { tty: true });
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Added Dev \(other\) http:\/\/127\.0\.0\.1:9 {2}id \S+\n$/);
    expect(added.stderr).toContain('No API key stored');
    expect(added.stderr).toContain('dfdesk login "Dev" --email');
  });

  it('refuses an unknown tag, a bad address and an empty key on stdin (usage)', async () => {
    const world = cliWorld();
    expect((await world.run(['add', 'X', 'http://127.0.0.1:9', '--tag', 'live'])).code).toBe(2);
    const bad = await world.run(['add', 'X', 'not a url at all']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^dfdesk: /);
    expect((await world.run(['add', 'X', 'http://127.0.0.1:9', '--api-key-stdin'], { stdin: '' })).code).toBe(2);
  });
});

describe('dfdesk instances', () => {
  it('lists each instance with its session, as JSON when piped and as columns on a terminal', async () => {
    const server = await dfServer();
    const world = cliWorld();
    expect((await world.run(['instances'], { tty: true })).stdout).toContain('No instances yet');
    await world.run(['add', 'Dev', server.url, '--api-key-stdin'], { stdin: API_KEY });
    await world.run(['add', 'Prod', server.url, '--tag', 'prod'], {});
    const piped = await world.run(['instances']);
    const listed = JSON.parse(piped.stdout) as Array<{ name: string; session: { state: string } }>;
    expect(listed.map((i) => [i.name, i.session.state])).toEqual([
      ['Dev', 'signed-out'],
      ['Prod', 'signed-out'],
    ]);
    const pretty = await world.run(['instances'], { tty: true });
    expect(pretty.stdout.split('\n')[0]).toMatch(/^NAME\s+TAG\s+URL\s+SESSION$/);
    expect(pretty.stdout).toMatch(/Prod\s+prod\s+http/);
  });
});
