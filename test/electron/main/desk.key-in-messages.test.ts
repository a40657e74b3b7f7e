// Issue 8, item 5 (the desk's part): a server that quotes the instance's API key back, in a refresh error, a
// 401 token verdict and a sign-in refusal, as it is and URL- or HTML-encoded. The key is no 64-hex string, so
// only knowing it can hide it. Nothing the desk hands out (statuses, events, errors) or writes to its log may
// carry it in any form. A real DF test server; an I/O adapter under the desk rewrites three of its answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import axios from 'axios';
import type { AxiosAdapter, AxiosResponse } from 'axios';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../electron/main/adapters/memory-vault.ts';
import { tokenAccount } from '../../../electron/main/services/instances/vault-accounts.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import { rejection } from '../../fixtures/rejection.ts';
import { dfServer } from '../../fixtures/servers.ts';
import { JANE } from '../../fixtures/users.ts';
import { newDataDir, openDesk, removeDataDirs } from './services/fixtures/desk-harness.ts';
import { findSecrets } from './services/fixtures/secret-walk.ts';

afterAll(() => removeDataDirs());

const KEY = 'k-Live_0123!&co';
const ENCODED = 'k-Live_0123%21%26co';
const HTML = 'k-Live_0123!&amp;co';
const QUOTED = `${KEY}, ${ENCODED}, ${HTML}`;

type Quote = 'sign-in' | 'refresh' | 'verdict';

/** axios's own adapter, except that the answers named in `quoting` become DF errors quoting the key. */
function quotingAdapter(quoting: Set<Quote>): AxiosAdapter {
  const io = axios.getAdapter(axios.defaults.adapter);
  return async (config) => {
    const url = `${config.baseURL ?? ''}${config.url ?? ''}`;
    const method = (config.method ?? 'get').toUpperCase();
    const answer = (message: string): AxiosResponse => ({
      status: 401,
      statusText: 'Unauthorized',
      data: JSON.stringify({ error: { code: 401, message } }),
      headers: { 'content-type': 'application/json' },
      config,
      request: {},
    });
    const session = url.endsWith('/user/session');
    if (quoting.has('sign-in') && session && method === 'POST') return answer(`Invalid credentials supplied for app ${QUOTED}.`);
    if (quoting.has('refresh') && session && method === 'PUT') return answer(`Token refresh failed. App ${QUOTED} is disabled.`);
    if (quoting.has('verdict') && url.includes('/db/')) return answer(`Token has been blacklisted for app ${QUOTED}.`);
    return io(config);
  };
}

describe('item5-key-in-server-messages: a quoted API key reaches no status, event, error or log line', () => {
  it('refresh error, 401 verdict and sign-in refusal quoting a non-hex key, as is and encoded', async () => {
    const server = await dfServer({ apiKey: KEY });
    const dataDir = newDataDir();
    const vault = createMemoryVault({ mode: 'keychain' });
    const quoting = new Set<Quote>();
    const desk = await openDesk({ dataDir, vault, adapter: quotingAdapter(quoting) });
    const { api } = desk;
    const handedOut: unknown[] = [];
    const instance = await api.instances.add({ name: 'Quoting', url: server.url, apiKey: KEY });

    quoting.add('sign-in');
    handedOut.push(await rejection(api.session.signIn(instance.id, JANE), DeskError));
    quoting.clear();

    // A refresh error that ends the session.
    handedOut.push(await api.session.signIn(instance.id, JANE));
    const token = await vault.get(tokenAccount(instance.id, JANE.email));
    quoting.add('refresh');
    handedOut.push(await rejection(api.session.refresh(instance.id), DeskError));
    const ended = await api.session.status(instance.id);
    expect(ended.state).toBe('needs-sign-in');
    expect(ended.endedReason).toMatch(/^Token refresh failed\. App \[hidden by DF Desk\]/);
    handedOut.push(ended);
    quoting.clear();

    // A 401 verdict on a request that ends the session.
    handedOut.push(await api.session.signIn(instance.id, JANE));
    const second = await vault.get(tokenAccount(instance.id, JANE.email));
    quoting.add('verdict');
    handedOut.push(await rejection(api.request(instance.id, { method: 'GET', path: '/db/_table/contacts' }), DeskError));
    const revoked = await api.session.status(instance.id);
    expect(revoked.state).toBe('needs-sign-in');
    expect(revoked.endedReason).toMatch(/blacklisted/);
    handedOut.push(revoked);

    await desk.dispose();
    const log = readFileSync(join(dataDir, 'logs', 'desk.log'), 'utf8');
    expect(log).toMatch(/A session ended/);
    const secrets = [KEY, ENCODED, HTML, encodeURIComponent(KEY), token ?? '', second ?? ''];
    expect(findSecrets(handedOut, secrets)).toEqual([]);
    expect(findSecrets(desk.sessionEvents, secrets)).toEqual([]);
    expect(desk.sessionEvents.some((status) => status.endedReason?.includes('[hidden by DF Desk]'))).toBe(true);
    expect(findSecrets(log, secrets)).toEqual([]);
  });
});
