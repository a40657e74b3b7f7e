import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataOf, methodOf, paramsOf } from '../../../electron/cli/commands/request.ts';
import type { DfServer } from '../../df-server/index.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { API_KEY, JANE } from '../../fixtures/users.ts';
import { cliWorld, stdinOf } from '../fixtures/cli-harness.ts';

const io = (stdin = '', cwd = '/') => ({ stdin: stdinOf(stdin), stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd });

async function signedIn(tag: 'dev' | 'prod' = 'dev') {
  const server = await dfServer({ allowForever: true });
  const world = cliWorld();
  await world.run(['add', 'Dev', server.url, '--tag', tag, '--api-key-stdin'], { stdin: API_KEY });
  await world.run(['login', 'Dev', '--email', JANE.email, '--password-stdin'], { stdin: JANE.password });
  return { server, world };
}

const posts = (server: DfServer) =>
  server.requestLog.filter((entry) => entry.method === 'POST' && entry.path.startsWith('/api/v2/db/_table/contacts')).length;

describe('request arguments', () => {
  it('takes methods in any case and refuses others (usage)', () => {
    expect(methodOf('get')).toBe('GET');
    expect(() => methodOf('HEAD')).toThrow(/METHOD must be one of/);
  });

  it('reads --param key=value pairs', () => {
    expect(paramsOf([])).toBeUndefined();
    expect(paramsOf(['limit=5', 'filter=name=x', 'limit=6'])).toEqual({ limit: '6', filter: 'name=x' });
    expect(() => paramsOf(['=x'])).toThrow(/key=value/);
    expect(() => paramsOf(['novalue'])).toThrow(/key=value/);
  });

  it('reads --data inline, from a file or from stdin, always as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dfdesk-data-'));
    writeFileSync(join(dir, 'row.json'), '{"resource":[{"first_name":"Ann"}]}');
    expect(await dataOf(undefined, io())).toBeUndefined();
    expect(await dataOf('{"a":1}', io())).toEqual({ a: 1 });
    expect(await dataOf('@row.json', io('', dir))).toEqual({ resource: [{ first_name: 'Ann' }] });
    expect(await dataOf('-', io('[1, 2]\n'))).toEqual([1, 2]);
    await expect(dataOf('{oops', io())).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('not JSON') });
    await expect(dataOf('@missing.json', io('', dir))).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('ENOENT') });
  });
});

describe('dfdesk request and its shorthands', () => {
  it('prints the answer’s body as JSON when piped, ready for jq', async () => {
    const { world } = await signedIn();
    const result = await world.run(['get', 'Dev', '/db/_table/contacts', '--param', 'limit=2']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { resource: unknown[] }).resource).toHaveLength(2);
    const full = await world.run(['request', 'Dev', 'get', 'db/_table/contacts', '--param', 'limit=1', '-i']);
    expect(JSON.parse(full.stdout)).toMatchObject({ status: 200, headers: { 'content-type': expect.stringContaining('json') } });
  });

  it('prints the status and the body on a terminal', async () => {
    const { world } = await signedIn();
    const result = await world.run(['get', 'Dev', '/db/_table/contacts', '--param', 'limit=1'], { tty: true });
    expect(result.stdout).toMatch(/^HTTP 200 \d+ ms\n\{\n {2}"resource"/);
  });

  it('prints DF’s error answer too, and exits 4', async () => {
    const { world } = await signedIn();
    const result = await world.run(['get', 'Dev', '/db/_table/nope']);
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { status_code: 404 } });
    expect(result.stderr).toContain('HTTP 404');
  });

  it('sends nothing to a prod instance without --yes (exit 2), and sends with it', async () => {
    const { server, world } = await signedIn('prod');
    const data = JSON.stringify({ resource: [{ first_name: 'Ann', last_name: 'Lee', email: 'ann@example.com' }] });
    const refused = await world.run(['post', 'Dev', '/db/_table/contacts', '--data', data]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(posts(server)).toBe(0);
    const sent = await world.run(['post', 'Dev', '/db/_table/contacts', '--data', data, '--yes']);
    expect(sent.code).toBe(0);
    expect(posts(server)).toBe(1);
    expect((await world.run(['get', 'Dev', '/db/_table/contacts'])).code).toBe(0);
  });

  it('exits 3 when the session has ended, and 5 when nothing answers', async () => {
    const { server, world } = await signedIn();
    server.revokeUser(JANE.email);
    const ended = await world.run(['get', 'Dev', '/db/_table/contacts']);
    expect(ended.code).toBe(3);
    const offline = cliWorld();
    await offline.run(['add', 'Gone', 'http://127.0.0.1:9']);
    expect((await offline.run(['get', 'Gone', '/db/_table/contacts'])).code).toBe(5);
    expect((await offline.run(['request', 'Gone', 'TRACE', '/x'])).code).toBe(2);
  });
});
