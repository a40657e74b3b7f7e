import { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/ipc/desk-error.ts';
import { createDeskClient, getBridge } from '../../renderer/deskClient.ts';
import { FakeDesk, failWith } from './support/fakeDesk.ts';
import { anInstance } from './support/fixtures.ts';

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

describe('api(id)', () => {
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

  it('reuses one axios instance per DF instance', () => {
    const client = createDeskClient(new FakeDesk());
    expect(client.api('a')).toBe(client.api('a'));
    expect(client.api('a')).not.toBe(client.api('b'));
  });
});

describe('getBridge', () => {
  it('says plainly when window.desk is missing', () => {
    expect(() => getBridge()).toThrow(/window\.desk is missing/);
  });
});
