import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { describe, expect, it } from 'vitest';
import { DfError } from '../../shared/df/errors.ts';
import { DeskError } from '../../shared/ipc/desk-error.ts';
import { internalErrorMessage } from '../../shared/ipc/names.ts';
import { DeskRequestError } from '../../renderer/ipcAxios.ts';
import { uiError } from '../../renderer/uiError.ts';

/** A non-2xx answer a caller did not accept, as axios rejects it. */
function rejected(status: number, data: unknown): AxiosError {
  const config = { headers: new AxiosHeaders() };
  const response: AxiosResponse = { data, status, statusText: '', headers: {}, config };
  return new AxiosError(`Request failed with status code ${status}`, AxiosError.ERR_BAD_REQUEST, config, {}, response);
}

describe('uiError', () => {
  it('keeps a DeskError, and unwraps the one a refused IPC request carries', () => {
    const desk = new DeskError('forbidden', 'Not allowed.', { status: 403 });
    expect(uiError(desk)).toBe(desk);
    expect(uiError(new DeskRequestError(desk, undefined))).toBe(desk);
  });

  it("turns the shared DF calls' DfError into a DeskError of the same kind and message", () => {
    const wrongShape = new DfError('not-dreamfactory', "The answer to GET /api/v2 was not shaped like DreamFactory's.");
    const error = uiError(wrongShape);
    expect(error).toBeInstanceOf(DeskError);
    expect(error.toData()).toEqual({ kind: 'not-dreamfactory', message: wrongShape.message });
    expect(uiError(new DfError('not-found', 'No such table.', { status: 404 })).toData()).toEqual({
      kind: 'not-found',
      message: 'No such table.',
      status: 404,
    });
  });

  it("reads DF's decoded message and the kind from a non-2xx answer, else axios's own message", () => {
    expect(uiError(rejected(400, { error: { message: 'It&#039;s &lt;bad&gt; &amp; wrong' } })).toData()).toEqual({
      kind: 'bad-request',
      message: "It's <bad> & wrong",
      status: 400,
    });
    expect(uiError(rejected(404, { resource: [] })).toData()).toEqual({
      kind: 'not-found',
      message: 'Request failed with status code 404',
      status: 404,
    });
    expect(uiError(rejected(503, 'oops'))).toMatchObject({ kind: 'server', message: 'Request failed with status code 503' });
    expect(uiError(rejected(409, 'oops')).kind).toBe('http');
  });

  it('calls anything else internal, with the shared wording when there is no message', () => {
    expect(uiError(new Error('boom')).toData()).toEqual({ kind: 'internal', message: 'boom' });
    expect(uiError('a string').toData()).toEqual({ kind: 'internal', message: internalErrorMessage });
  });
});
