// The same secrets, fed through every layer's own entry point: the session library, the request proxy, IPC
// dispatch, the logger and the renderer. None of them may come out anywhere. Each layer uses shared/secrets.ts;
// this test fails if one of them stops doing so (or loses a pattern).
import type { AxiosAdapter } from 'axios';
import { AxiosHeaders } from 'axios';
import { describe, expect, it } from 'vitest';
import { createRedactingLogger } from '../../electron/main/adapters/redacting-logger.ts';
import { createRequestProxy } from '../../electron/main/services/request-proxy.ts';
import { emptyTokenStore } from '../../electron/main/services/sessions/vault-token-store.ts';
import { redactForDisplay, redactForStorage } from '../../renderer/ui/redact.ts';
import { createDfClient, DfError } from '../../shared/df/index.ts';
import type { Instance } from '../../shared/ipc/contract.ts';
import { DeskError } from '../../shared/ipc/desk-error.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { recordingLogger } from '../electron/main/adapters/fixtures/test-keyring.ts';
import { findSecrets } from '../electron/main/services/fixtures/secret-walk.ts';
import { createRecordingApi } from './ipc/recording-api.ts';
import { rejection } from '../fixtures/rejection.ts';

const TOKEN =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOjEsImV4cCI6MTk5OTk5OTk5OSwiaWF0IjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlLXBhcnQ';
/** A DF API key: 64 hex characters. */
const API_KEY = '36fda24fe5588fa4285ac6c6c2fdfbdb6b6bc9834699774c9bf777f706d05a88';
const SECRETS = [TOKEN, API_KEY] as const;
/** Text as a careless server, a bug or a log call could produce it. */
const LEAKY = `token ${TOKEN} key ${API_KEY} header X-DreamFactory-Session-Token: ${TOKEN} Bearer ${TOKEN}`;

const instance: Instance = {
  id: 'i1',
  name: 'Dev',
  url: 'https://df.example.com',
  tag: 'dev',
  color: '#2e7d32',
  favorite: false,
  hasApiKey: true,
  allowInsecureHttp: false,
};

/** The real session library over an I/O port that answers as a leaky server would. */
function leakyClient(status: number) {
  const adapter: AxiosAdapter = async (config) => ({
    status,
    statusText: '',
    config,
    headers: new AxiosHeaders({ 'content-type': 'application/json', 'x-echo': LEAKY }),
    data: JSON.stringify(
      status === 200
        ? { session_token: TOKEN, note: LEAKY, [`k-${API_KEY}`]: API_KEY }
        : { error: { code: status, message: `Bad key ${API_KEY}, token ${TOKEN}` } },
    ),
  });
  return createDfClient({ baseURL: instance.url, apiKey: API_KEY, tokens: emptyTokenStore(), adapter });
}

describe('no layer lets a secret through', () => {
  it('the session library: a DF error quoting the key and the token', async () => {
    const error = await rejection(leakyClient(500).http.get('/db/_table/contacts'), DfError);
    expect(error).toBeInstanceOf(DfError);
    expect(findSecrets(error, [...SECRETS])).toEqual([]);
  });

  it("the request proxy: a DF answer echoing them in body, keys and headers", async () => {
    const client = leakyClient(200);
    const proxy = createRequestProxy({
      registry: { get: () => instance },
      sessions: { client: async () => ({ client, apiKey: API_KEY }) },
      logger: recordingLogger(),
    });
    const answer = await proxy.request('i1', { method: 'GET', path: '/db/_table/contacts' });
    expect(answer.status).toBe(200);
    expect(findSecrets(answer, [...SECRETS])).toEqual([]);
  });

  it('IPC dispatch: a service error whose message quotes them', async () => {
    const api = createRecordingApi();
    api.failWith = { error: new DeskError('server', LEAKY) };
    const result = await dispatch(api.api, 'instances.list', {});
    expect(result.ok).toBe(false);
    expect(findSecrets(result, [...SECRETS])).toEqual([]);
  });

  it('the logger: in the message and in fields of any name', () => {
    const sink: string[] = [];
    const redacting = createRedactingLogger({ sink: (line) => sink.push(line) });
    redacting.warn(LEAKY, { detail: LEAKY, nested: { anything: [LEAKY] }, error: new Error(LEAKY) });
    expect(sink).toHaveLength(1);
    expect(findSecrets(sink[0], [...SECRETS])).toEqual([]);
  });

  it('the renderer: what it shows and what it stores', () => {
    const answer = { session_token: TOKEN, note: LEAKY, nested: [{ jwt: TOKEN }] };
    expect(findSecrets(redactForDisplay(answer), [TOKEN])).toEqual([]);
    expect(findSecrets(redactForStorage({ ...answer, api_key: API_KEY }), [...SECRETS])).toEqual([]);
    // What a user may type into a console request under names that are not DF's own.
    const typed = { 'x-api-key': 'k-live-123', passcode: '4242', secret_key: 's-99', password_confirmation: 'pw-2' };
    expect(findSecrets(redactForStorage(typed), ['k-live-123', '4242', 's-99', 'pw-2'])).toEqual([]);
  });
});
