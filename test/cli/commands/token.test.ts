import { describe, expect, it } from 'vitest';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';
import { cliWorld } from '../fixtures/cli-harness.ts';

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

async function signedIn() {
  const server = await dfServer({ allowForever: true });
  const world = cliWorld();
  await world.run(['add', 'Dev', server.url, '--api-key-stdin'], { stdin: API_KEY });
  await world.run(['login', 'Dev', '--email', JANE.email, '--password-stdin'], { stdin: JANE.password });
  return { server, world };
}

describe('dfdesk token', () => {
  it('piped: prints the token and a line break, nothing else; DF accepts it', async () => {
    const { server, world } = await signedIn();
    const result = await world.run(['token', 'Dev']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('\n')).toBe(true);
    const token = result.stdout.trimEnd();
    expect(token).toMatch(JWT);
    const answer = await fetch(`${server.url}/api/v2/db/_table/contacts?limit=1`, {
      headers: { 'X-DreamFactory-API-Key': API_KEY, 'X-DreamFactory-Session-Token': token },
    });
    expect(answer.status).toBe(200);
  });

  it('on a terminal: warns on stderr that it is a secret', async () => {
    const { world } = await signedIn();
    const result = await world.run(['token', 'Dev'], { tty: true });
    expect(result.stderr).toContain('This is a secret');
    expect(result.stdout.trimEnd()).toMatch(JWT);
  });

  it('--json wraps it', async () => {
    const { world } = await signedIn();
    const result = await world.run(['token', 'Dev', '--json']);
    expect(JSON.parse(result.stdout)).toEqual({ instanceId: expect.any(String), token: expect.stringMatching(JWT) });
  });

  it('exits 3 when not signed in', async () => {
    const { world } = await signedIn();
    await world.run(['logout', 'Dev']);
    const result = await world.run(['token', 'Dev']);
    expect(result).toMatchObject({ code: 3, stdout: '' });
  });
});
