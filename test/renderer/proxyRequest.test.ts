import { describe, expect, it } from 'vitest';
import { toProxyRequest } from '../../renderer/proxyRequest.ts';

describe('toProxyRequest', () => {
  it('splits the query string into params, makes the path absolute and keeps the body', () => {
    expect(toProxyRequest({ method: 'post', url: 'db/_table/x?fields=id', data: { resource: [] } })).toEqual({
      method: 'POST',
      path: '/db/_table/x',
      params: { fields: 'id' },
      data: { resource: [] },
    });
    expect(toProxyRequest({ url: '' })).toEqual({ method: 'GET', path: '/' });
  });

  it('drops empty params, joins lists as csv and sends other structures as JSON', () => {
    const params = new URLSearchParams({ filter: 'a=1' });
    expect(toProxyRequest({ url: '/x', params })?.params).toEqual({ filter: 'a=1' });
    expect(toProxyRequest({ url: '/x', params: { a: null, b: undefined, ids: [1, 2], o: { k: 1 }, f: false } })?.params).toEqual({
      ids: '1,2',
      o: '{"k":1}',
      f: false,
    });
  });

  it('passes confirmed only when it is true', () => {
    expect(toProxyRequest({ method: 'delete', url: '/x', confirmed: true })).toEqual({ method: 'DELETE', path: '/x', confirmed: true });
    expect(toProxyRequest({ method: 'delete', url: '/x', confirmed: false })).toEqual({ method: 'DELETE', path: '/x' });
  });

  it('has no request for a method the contract does not carry', () => {
    expect(toProxyRequest({ method: 'head', url: '/x' })).toBeUndefined();
  });
});
