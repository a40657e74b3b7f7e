import { AxiosError, isAxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import {
  createDeskClient,
  DeskError,
  DeskRequestError,
  dfErrorMessage,
  getBridge,
  proxyDuration,
  toDeskError,
} from '../../renderer/desk.ts';
import { FakeDesk, failWith } from './support/fakeDesk.ts';
import { anInstance } from './support/fixtures.ts';

function proxyAnswer(status = 200, data: unknown = { resource: [] }) {
  return { status, data, headers: { 'content-type': 'application/json', 'x-total': '7' }, durationMs: 42 };
}

describe('call', () => {
  it('sends the channel and payload and returns the value', async () => {
    const desk = new FakeDesk({ 'instances.list': () => [anInstance()] });
    const list = await createDeskClient(desk).call('instances.list', {});
    expect(desk.calls).toEqual([{ channel: 'instances.list', payload: {} }]);
    expect(list.map((instance) => instance.id)).toEqual(['dev1']);
  });

  it('turns {ok:false} into a thrown DeskError with kind, message and status', async () => {
    const desk = new FakeDesk({
      'session.signIn': () => {
        throw failWith('bad-credentials', 'Invalid credentials supplied.', 401);
      },
    });
    const promise = createDeskClient(desk).call('session.signIn', {
      id: 'dev1',
      credentials: { email: 'a@b.c', password: 'x' },
    });
    await expect(promise).rejects.toBeInstanceOf(DeskError);
    await expect(promise).rejects.toMatchObject({ kind: 'bad-credentials', message: 'Invalid credentials supplied.', status: 401 });
  });

  it('reports a failing transport or an unreadable answer as an internal DeskError', async () => {
    const broken = {
      invoke: () => Promise.reject(new Error('ipc closed')),
      on: () => () => undefined,
    };
    await expect(createDeskClient(broken).call('vault.health', {})).rejects.toMatchObject({ kind: 'internal' });
    const garbled = { invoke: () => Promise.resolve('nonsense'), on: () => () => undefined } as unknown as FakeDesk;
    await expect(createDeskClient(garbled).call('vault.health', {})).rejects.toMatchObject({ kind: 'internal' });
  });
});

describe('api(id): axios over IPC', () => {
  it('sends a GET as a request call with path and params, and maps the answer to an AxiosResponse', async () => {
    const desk = new FakeDesk({ request: () => proxyAnswer(200, { resource: [{ id: 1 }] }) });
    const response = await createDeskClient(desk)
      .api('dev1')
      .get('/db/_table/contacts', { params: { limit: 25, offset: 0, include_count: true, filter: undefined } });
    expect(desk.payloads('request')).toEqual([
      {
        id: 'dev1',
        request: { method: 'GET', path: '/db/_table/contacts', params: { limit: 25, offset: 0, include_count: true } },
      },
    ]);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ resource: [{ id: 1 }] });
    expect(response.headers['x-total']).toBe('7');
    expect(proxyDuration(response)).toBe(42);
  });

  it('keeps a body as an object, passes confirmed, and merges a query string and lists into params', async () => {
    const desk = new FakeDesk({ request: () => proxyAnswer(201, { resource: [{ id: 9 }] }) });
    const api = createDeskClient(desk).api('prod1');
    await api.post('/db/_table/contacts?fields=id', { resource: [{ name: 'Ada' }] }, { confirmed: true });
    await api.delete('db/_table/contacts', { params: { ids: [1, 2, 3] } });
    expect(desk.payloads('request')).toEqual([
      {
        id: 'prod1',
        request: {
          method: 'POST',
          path: '/db/_table/contacts',
          params: { fields: 'id' },
          data: { resource: [{ name: 'Ada' }] },
          confirmed: true,
        },
      },
      { id: 'prod1', request: { method: 'DELETE', path: '/db/_table/contacts', params: { ids: '1,2,3' } } },
    ]);
  });

  it('rejects with an AxiosError carrying the DeskError when the main process refuses', async () => {
    const desk = new FakeDesk({
      request: () => {
        throw failWith('confirmation-required', 'Confirm this production write.');
      },
    });
    const error: unknown = await createDeskClient(desk)
      .api('prod1')
      .patch('/db/_table/contacts/1', { name: 'x' })
      .catch((failure: unknown) => failure);
    expect(isAxiosError(error)).toBe(true);
    expect(error).toBeInstanceOf(DeskRequestError);
    expect((error as DeskRequestError).desk).toMatchObject({ kind: 'confirmation-required' });
    expect(toDeskError(error).kind).toBe('confirmation-required');
  });

  it('tells session-ended listeners which instance lost its session', async () => {
    const desk = new FakeDesk({
      request: () => {
        throw failWith('session-ended', 'Token refresh failed.', 401);
      },
    });
    const client = createDeskClient(desk);
    const ended: string[] = [];
    const stop = client.onSessionEnded((id) => ended.push(id));
    await expect(client.api('stage1').get('/db/_table')).rejects.toMatchObject({ status: 401 });
    stop();
    await expect(client.api('stage1').get('/db/_table')).rejects.toBeInstanceOf(AxiosError);
    expect(ended).toEqual(['stage1']);
  });

  it('rejects a non-2xx answer like axios does, unless validateStatus accepts it', async () => {
    const notFound = { error: { code: 404, message: 'Table &quot;x&quot; does not exist in the database.' } };
    const desk = new FakeDesk({ request: () => proxyAnswer(404, notFound) });
    const api = createDeskClient(desk).api('dev1');
    const error = await api.get('/db/_table/x').catch((failure: unknown) => failure);
    expect(isAxiosError(error) && error.response?.status).toBe(404);
    expect(toDeskError(error)).toMatchObject({
      kind: 'not-found',
      status: 404,
      message: 'Table "x" does not exist in the database.',
    });
    const accepted = await api.get('/db/_table/x', { validateStatus: () => true });
    expect(accepted.status).toBe(404);
  });

  it('refuses a method the contract does not carry without calling the main process', async () => {
    const desk = new FakeDesk({ request: () => proxyAnswer() });
    const error = await createDeskClient(desk)
      .api('dev1')
      .head('/db')
      .catch((failure: unknown) => failure);
    expect(toDeskError(error).kind).toBe('invalid-input');
    expect(desk.calls).toHaveLength(0);
  });

  it('reuses one axios instance per DF instance', () => {
    const client = createDeskClient(new FakeDesk());
    expect(client.api('a')).toBe(client.api('a'));
    expect(client.api('a')).not.toBe(client.api('b'));
  });
});

describe('helpers', () => {
  it('decodes DF error messages and ignores other shapes', () => {
    expect(dfErrorMessage({ error: { message: 'It&#039;s &lt;bad&gt; &amp; wrong' } })).toBe("It's <bad> & wrong");
    expect(dfErrorMessage({ resource: [] })).toBeUndefined();
    expect(dfErrorMessage('oops')).toBeUndefined();
  });

  it('says plainly when window.desk is missing', () => {
    expect(() => getBridge()).toThrow(/window\.desk is missing/);
  });
});
