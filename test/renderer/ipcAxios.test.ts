// The IPC axios as the app gets it: through the desk client's api(id), over a fake bridge.
import { isAxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import { createDeskClient } from '../../renderer/deskClient.ts';
import { DeskRequestError, proxyDuration } from '../../renderer/ipcAxios.ts';
import { uiError } from '../../renderer/uiError.ts';
import { FakeDesk, failWith } from './support/fakeDesk.ts';

function proxyAnswer(status = 200, data: unknown = { resource: [] }) {
  return { status, data, headers: { 'content-type': 'application/json', 'x-total': '7' }, durationMs: 42 };
}

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
    expect(uiError(error).kind).toBe('confirmation-required');
  });

  it('rejects a non-2xx answer like axios does, unless validateStatus accepts it', async () => {
    const notFound = { error: { code: 404, message: 'Table &quot;x&quot; does not exist in the database.' } };
    const desk = new FakeDesk({ request: () => proxyAnswer(404, notFound) });
    const api = createDeskClient(desk).api('dev1');
    const error = await api.get('/db/_table/x').catch((failure: unknown) => failure);
    expect(isAxiosError(error) && error.response?.status).toBe(404);
    expect(uiError(error)).toMatchObject({
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
    expect(uiError(error).kind).toBe('invalid-input');
    expect(desk.calls).toHaveLength(0);
  });
});
