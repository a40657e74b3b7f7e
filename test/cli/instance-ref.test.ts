import { describe, expect, it } from 'vitest';
import { matchInstance, resolveInstance } from '../../electron/cli/instance-ref.ts';
import type { DeskApi, Instance } from '../../shared/ipc/contract.ts';

const instance = (id: string, name: string): Instance => ({
  id,
  name,
  url: 'https://df.example.com',
  tag: 'dev',
  color: '#000000',
  favorite: false,
  hasApiKey: true,
  allowInsecureHttp: false,
});

const list = [instance('a1', 'Dev'), instance('b2', 'Staging'), instance('c3', 'Twin'), instance('d4', 'twin'), instance('e5', 'a1')];

describe('matchInstance', () => {
  it('finds by id first, then by name in any case', () => {
    expect(matchInstance(list, 'a1')?.name).toBe('Dev');
    expect(matchInstance(list, 'dev')?.id).toBe('a1');
    expect(matchInstance(list, 'STAGING')?.id).toBe('b2');
    expect(matchInstance(list, 'nope')).toBeUndefined();
  });

  it('refuses a name two instances share (usage), naming their ids', () => {
    expect(() => matchInstance(list, 'twin')).toThrow(/c3, d4/);
  });
});

describe('resolveInstance', () => {
  const api = (instances: Instance[]) => ({ instances: { list: async () => instances } }) as unknown as Pick<DeskApi, 'instances'>;

  it('is a usage error when nothing matches, with a next step', async () => {
    await expect(resolveInstance(api(list), 'nope')).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/dfdesk instances/) });
    await expect(resolveInstance(api([]), 'nope')).rejects.toMatchObject({ message: expect.stringMatching(/dfdesk add/) });
    expect((await resolveInstance(api(list), 'Dev')).id).toBe('a1');
  });
});
