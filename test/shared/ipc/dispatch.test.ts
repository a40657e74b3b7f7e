import { REDACTED, redactText } from '../../../shared/secrets.ts';
import { describe, expect, it, vi } from 'vitest';
import { apiKeyControlCharacterMessage, type ChannelName, channelNames } from '../../../shared/ipc/contract.ts';
import { dispatch, internalErrorMessage, isChannelName, toDeskErrorData, unknownChannelMessage } from '../../../shared/ipc/dispatch.ts';
import { createRecordingApi, sampleInstance } from './recording-api.ts';

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOjEsImlzcyI6Imh0dHA6Ly9sb2NhbGhvc3QvYXBpL3YyL3VzZXIvc2Vzc2lvbiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const apiKey = '6498a8ad1beb9d84d63035c5d1120c007fad6de706734db9689f8996707e0f7d';

// One valid payload per channel and the DeskApi call it must become.
const table: Record<ChannelName, { payload: unknown; method: string; args: unknown[] }> = {
  'instances.list': { payload: {}, method: 'instances.list', args: [] },
  'instances.add': {
    payload: { name: 'Local', url: 'http://127.0.0.1:8080' },
    method: 'instances.add',
    args: [{ name: 'Local', url: 'http://127.0.0.1:8080' }],
  },
  'instances.update': {
    payload: { id: 'inst-1', patch: { favorite: true } },
    method: 'instances.update',
    args: ['inst-1', { favorite: true }],
  },
  'instances.remove': { payload: { id: 'inst-1' }, method: 'instances.remove', args: ['inst-1'] },
  'instances.probe': {
    payload: { url: 'https://df.example.com' },
    method: 'instances.probe',
    args: [{ url: 'https://df.example.com' }],
  },
  'instances.doctor': { payload: { id: 'inst-1' }, method: 'instances.doctor', args: ['inst-1'] },
  'session.signIn': {
    payload: { id: 'inst-1', credentials: { email: 'a@b.c', password: 'pw' } },
    method: 'session.signIn',
    args: ['inst-1', { email: 'a@b.c', password: 'pw' }],
  },
  'session.signOut': { payload: { id: 'inst-1' }, method: 'session.signOut', args: ['inst-1'] },
  'session.status': { payload: { id: 'inst-1' }, method: 'session.status', args: ['inst-1'] },
  'session.refresh': { payload: { id: 'inst-1' }, method: 'session.refresh', args: ['inst-1'] },
  request: {
    payload: { id: 'inst-1', request: { method: 'GET', path: '/_table/contacts' } },
    method: 'request',
    args: ['inst-1', { method: 'GET', path: '/_table/contacts' }],
  },
  'vault.health': { payload: {}, method: 'vault.health', args: [] },
  'desk.notices': { payload: {}, method: 'desk.notices', args: [] },
  'desk.info': { payload: {}, method: 'desk.info', args: [] },
  'update.check': { payload: {}, method: 'update.check', args: [] },
  'update.restart': { payload: {}, method: 'update.restart', args: [] },
};

describe('dispatch: channel mapping', () => {
  it('the table covers every channel of the contract', () => {
    expect(Object.keys(table).sort()).toEqual([...channelNames].sort());
  });

  for (const name of channelNames) {
    it(`${name} calls ${table[name].method} with the parsed payload`, async () => {
      const rec = createRecordingApi();
      const result = await dispatch(rec.api, name, table[name].payload);
      expect(result.ok).toBe(true);
      expect(rec.calls).toEqual([{ method: table[name].method, args: table[name].args }]);
    });
  }

  it('returns the handler value', async () => {
    const rec = createRecordingApi();
    expect(await dispatch(rec.api, 'instances.list', {})).toEqual({ ok: true, value: [sampleInstance] });
  });

  it('hands the handler the parsed payload (trimmed), not the raw object', async () => {
    const rec = createRecordingApi();
    await dispatch(rec.api, 'instances.add', { name: '  Local  ', url: ' http://127.0.0.1:8080 ' });
    expect(rec.calls[0]?.args).toEqual([{ name: 'Local', url: 'http://127.0.0.1:8080' }]);
  });
});

describe('dispatch: refusals before any handler runs', () => {
  const unknownChannels: unknown[] = ['nope', '', '__proto__', 'toString', 'constructor', 'desk:instances.list', 42, null, undefined, {}];
  for (const channel of unknownChannels) {
    it(`refuses channel ${JSON.stringify(channel) ?? 'undefined'}`, async () => {
      const rec = createRecordingApi();
      const result = await dispatch(rec.api, channel, {});
      expect(result).toEqual({ ok: false, error: { kind: 'refused', message: unknownChannelMessage } });
      expect(rec.calls).toEqual([]);
    });
  }

  const invalid: Array<[ChannelName, unknown]> = [
    ['instances.list', undefined],
    ['instances.list', { extra: 1 }],
    ['instances.add', { name: '', url: 'http://x' }],
    ['instances.add', { name: 'x', url: 'http://x', color: 'red' }],
    ['instances.update', { id: '../etc', patch: {} }],
    ['instances.remove', { id: 7 }],
    ['session.signIn', { id: 'inst-1', credentials: { password: 'pw' } }],
    ['session.signIn', { id: 'inst-1', credentials: { email: 'a@b.c', password: '' } }],
    ['request', { id: 'inst-1', request: { method: 'TRACE', path: '/' } }],
    ['request', { id: 'inst-1', request: { method: 'GET', path: '/', headers: { a: 'b' } } }],
    ['vault.health', 'string payload'],
    ['session.status', [{ id: 'inst-1' }]],
    ['update.check', { force: true }],
    ['update.restart', undefined],
  ];
  for (const [channel, payload] of invalid) {
    it(`${channel} refuses ${JSON.stringify(payload) ?? 'undefined'} as invalid-input`, async () => {
      const rec = createRecordingApi();
      const result = await dispatch(rec.api, channel, payload);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toBe('invalid-input');
      expect(result.error.message.length).toBeGreaterThan(0);
      expect(rec.calls).toEqual([]);
    });
  }

  it('uses the first issue as a plain message', async () => {
    const rec = createRecordingApi();
    const result = await dispatch(rec.api, 'instances.add', { name: ' ', url: 'http://x' });
    expect(result).toEqual({ ok: false, error: { kind: 'invalid-input', message: 'Give the instance a name.' } });
  });

  it('never echoes a password from an invalid payload', async () => {
    const rec = createRecordingApi();
    const result = await dispatch(rec.api, 'session.signIn', { id: 'inst-1', credentials: { password: 'hunter2-secret' } });
    expect(JSON.stringify(result)).not.toContain('hunter2-secret');
  });
});

// Issue 8, item 5 (input part): an API key with a control character is refused where it is entered.
describe('item5-api-key-control-characters: dispatch refuses them before any handler runs', () => {
  const key = 'c0ffee0123456789';
  const controls = ['\r', '\n', '\r\n', '\u0000', '\t', '\u0001', '\u001b', '\u001f', '\u007f'];
  const payloads = (bad: string): Array<[ChannelName, unknown]> => [
    ['instances.add', { name: 'Local', url: 'http://127.0.0.1:8080', apiKey: bad }],
    ['instances.update', { id: 'inst-1', patch: { apiKey: bad } }],
    ['instances.probe', { url: 'https://df.example.com', apiKey: bad }],
  ];
  for (const control of controls) {
    for (const at of ['middle', 'end'] as const) {
      const bad = at === 'end' ? `${key}${control}` : `${key.slice(0, 8)}${control}${key.slice(8)}`;
      for (const [channel, payload] of payloads(bad)) {
        it(`${channel}: ${JSON.stringify(control)} at the ${at} of the key is invalid-input, in plain words`, async () => {
          const rec = createRecordingApi();
          const result = await dispatch(rec.api, channel, payload);
          expect(result).toEqual({ ok: false, error: { kind: 'invalid-input', message: apiKeyControlCharacterMessage } });
          expect(rec.calls).toEqual([]);
        });
      }
    }
  }

  it('spaces around a key are still trimmed, and a clean key passes', async () => {
    const rec = createRecordingApi();
    await dispatch(rec.api, 'instances.probe', { url: 'https://df.example.com', apiKey: `  ${key} ` });
    await dispatch(rec.api, 'instances.update', { id: 'inst-1', patch: { apiKey: null } });
    expect(rec.calls.map((call) => call.args)).toEqual([[{ url: 'https://df.example.com', apiKey: key }], ['inst-1', { apiKey: null }]]);
  });
});

describe('dispatch: handler errors become data', () => {
  class FakeDeskError extends Error {
    constructor(
      public kind: string,
      message: string,
      public status?: number,
    ) {
      super(message);
    }
  }

  it('keeps a known kind, its message and its status', async () => {
    const rec = createRecordingApi();
    rec.failWith = { error: new FakeDeskError('not-found', 'No such table.', 404) };
    expect(await dispatch(rec.api, 'instances.list', {})).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'No such table.', status: 404 },
    });
  });

  it('turns a plain Error into a generic internal error without its message or stack', async () => {
    const rec = createRecordingApi();
    const onUnexpectedError = vi.fn();
    rec.failWith = { error: new TypeError('Cannot read properties of undefined (reading "x") at /home/u/app.js:1') };
    const result = await dispatch(rec.api, 'instances.list', {}, { onUnexpectedError });
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: internalErrorMessage } });
    expect(onUnexpectedError).toHaveBeenCalledWith(rec.failWith.error, 'instances.list');
  });

  it('does not report expected errors as unexpected', async () => {
    const rec = createRecordingApi();
    const onUnexpectedError = vi.fn();
    rec.failWith = { error: new FakeDeskError('network', 'Could not reach the server.') };
    await dispatch(rec.api, 'instances.list', {}, { onUnexpectedError });
    expect(onUnexpectedError).not.toHaveBeenCalled();
  });

  it('maps an unknown kind to internal', async () => {
    const rec = createRecordingApi();
    rec.failWith = { error: new FakeDeskError('ECONNRESET', 'socket hang up') };
    expect(await dispatch(rec.api, 'vault.health', {})).toEqual({
      ok: false,
      error: { kind: 'internal', message: internalErrorMessage },
    });
  });

  it('maps thrown non-errors to internal', async () => {
    for (const thrown of ['a string', 42, null, undefined, { kind: 'network' }]) {
      const rec = createRecordingApi();
      rec.failWith = { error: thrown };
      const result = await dispatch(rec.api, 'vault.health', {});
      expect(result).toEqual({ ok: false, error: { kind: 'internal', message: internalErrorMessage } });
    }
  });

  it('cuts a stack trace embedded in a message', async () => {
    const rec = createRecordingApi();
    rec.failWith = { error: new FakeDeskError('server', 'DF answered 500.\n    at Object.<anonymous> (/srv/x.js:1:1)') };
    const result = await dispatch(rec.api, 'instances.list', {});
    expect(result).toEqual({ ok: false, error: { kind: 'server', message: 'DF answered 500.' } });
  });

  it('drops a status that is not an HTTP status', () => {
    expect(toDeskErrorData({ kind: 'http', message: 'x', status: 'teapot' })).toEqual({ kind: 'http', message: 'x' });
    expect(toDeskErrorData({ kind: 'http', message: 'x', status: 42 })).toEqual({ kind: 'http', message: 'x' });
  });

  it('survives an error whose getters throw', () => {
    const hostile = Object.defineProperty({}, 'kind', {
      get() {
        throw new Error('boom');
      },
    });
    expect(toDeskErrorData(hostile)).toEqual({ kind: 'internal', message: internalErrorMessage });
  });

  it('never rejects when the handler throws synchronously', async () => {
    const rec = createRecordingApi();
    rec.api.instances.list = () => {
      throw new FakeDeskError('vault', 'Keychain locked.');
    };
    expect(await dispatch(rec.api, 'instances.list', {})).toEqual({
      ok: false,
      error: { kind: 'vault', message: 'Keychain locked.' },
    });
  });
});

describe('dispatch: redaction', () => {
  it('redacts a JWT inside a known error message', async () => {
    const rec = createRecordingApi();
    rec.failWith = { error: { kind: 'session-ended', message: `Token ${jwt} was blacklisted.` } };
    const result = await dispatch(rec.api, 'session.refresh', { id: 'inst-1' });
    expect(JSON.stringify(result)).not.toContain('eyJ');
    expect(result).toEqual({ ok: false, error: { kind: 'session-ended', message: `Token ${REDACTED} was blacklisted.` } });
  });

  it('redacts API keys and bearer values', () => {
    expect(redactText(`key=${apiKey}`)).toBe(`key=${REDACTED}`);
    expect(redactText('Authorization: Bearer abc.def.ghi')).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  it('redacts partial JWTs (a header alone)', () => {
    expect(redactText('header eyJhbGciOiJIUzI1NiJ9 seen')).toBe(`header ${REDACTED} seen`);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Could not reach https://df.example.com (ECONNREFUSED). Check the URL.';
    expect(redactText(text)).toBe(text);
  });
});

describe('isChannelName', () => {
  it('accepts exactly the contract channels', () => {
    for (const name of channelNames) expect(isChannelName(name)).toBe(true);
    expect(isChannelName('hasOwnProperty')).toBe(false);
    expect(isChannelName('instances')).toBe(false);
  });
});
