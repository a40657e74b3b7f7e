// Changing an instance keeps the registry and the live session in step, and only then tells the windows.
import { describe, expect, it } from 'vitest';
import { InstanceChanges } from '../../../../electron/main/services/instance-changes.ts';
import { dfServer } from '../../../fixtures/servers.ts';
import { API_KEY } from '../../../fixtures/users.ts';
import { sessionHarness } from './fixtures/session-harness.ts';

describe('InstanceChanges.update', () => {
  it('announces the new instance list only after the session took the new API key', async () => {
    const server = await dfServer();
    const h = sessionHarness();
    const instance = await h.registry.add({ name: 'DF', url: server.url, apiKey: 'an-old-wrong-key' });
    await h.sessions.client(instance.id); // a live (key-only) session to rebuild
    const changes = new InstanceChanges(h.registry, h.sessions, h.profiles);
    const keysSeenByListeners: (string | null)[] = [];
    const pending: Promise<void>[] = [];
    h.registry.onChange(() => {
      // A window reloads its data on this event: it must reach the server with the new key.
      pending.push(h.sessions.client(instance.id).then(({ apiKey }) => void keysSeenByListeners.push(apiKey)));
    });
    await changes.update(instance.id, { apiKey: API_KEY });
    await Promise.all(pending);
    expect(keysSeenByListeners).toEqual([API_KEY]);
  });
});
