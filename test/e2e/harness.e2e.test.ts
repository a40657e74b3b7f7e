// The harness itself: the page gets the app:// handler's headers and a window.desk that behaves like the
// preload's, wired to the real desk. If these break, every journey would be testing something else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/shell/csp.ts';
import { type DeskHarness, launchDesk } from './harness.ts';

describe('e2e harness', () => {
  let harness: DeskHarness;

  beforeAll(async () => {
    harness = await launchDesk();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('serves the built renderer through the app:// handler, CSP header included, and the CSP is enforced', async () => {
    const { page } = harness;
    const response = await page.goto(harness.appUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page.getByRole('button', { name: 'Add your first instance' }).waitFor();

    const before = harness.pageErrors.length;
    const inlineRan = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inline = "ran"';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return document.body.dataset.inline === 'ran';
    });
    expect(inlineRan).toBe(false);
    expect(harness.pageErrors.slice(before).join('\n')).toContain('Content Security Policy');
    harness.pageErrors.splice(before);
  });

  it('exposes a frozen window.desk with only invoke and on, answering through dispatch', async () => {
    const { page } = harness;
    const shape = await page.evaluate(() => {
      const desk = Reflect.get(window, 'desk') as object;
      const replaced = Reflect.set(window, 'desk', {});
      return { keys: Object.keys(desk), frozen: Object.isFrozen(desk), replaced };
    });
    expect(shape).toEqual({ keys: ['invoke', 'on'], frozen: true, replaced: false });

    const answers = await page.evaluate(async () => {
      const desk = Reflect.get(window, 'desk') as { invoke(channel: string, payload: unknown): Promise<unknown> };
      return {
        list: await desk.invoke('instances.list', {}),
        unknown: await desk.invoke('process.env', {}),
        invalid: await desk.invoke('instances.add', { name: '', url: 'x', token: 'extra' }),
        proto: await desk.invoke('__proto__', {}),
      };
    });
    expect(answers.list).toEqual({ ok: true, value: [] });
    expect(answers.unknown).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(answers.proto).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(answers.invalid).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await harness.desk.api.instances.list()).toEqual([]);
  });

  it('refuses a raw binding call that does not carry exactly one payload', async () => {
    const answer = await harness.page.evaluate(() => {
      const raw = Reflect.get(window, '__deskInvoke') as (...args: unknown[]) => Promise<unknown>;
      return raw('instances.list', {}, { extra: true });
    });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('pushes main-process events to listeners registered with desk.on, until they unsubscribe', async () => {
    const { page, desk } = harness;
    await page.evaluate(() => {
      const bridge = Reflect.get(window, 'desk') as { on(event: string, listener: (payload: unknown) => void): () => void };
      const seen: unknown[] = [];
      Reflect.set(window, 'seenEvents', seen);
      const off = bridge.on('instances.changed', (payload) => {
        seen.push(payload);
        off();
      });
    });
    const added = await desk.api.instances.add({ name: 'Pushed', url: 'http://127.0.0.1:9' });
    await desk.api.instances.update(added.id, { name: 'Pushed again' });
    // The UI hears both changes through its own subscription; the test listener heard only the first.
    await page.getByRole('heading', { level: 1, name: 'Pushed again' }).waitFor();
    const seen = await page.evaluate(() => Reflect.get(window, 'seenEvents') as { name: string }[][]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.map((instance) => instance.name)).toEqual(['Pushed']);
    expect(harness.pageErrors).toEqual([]);
  });
});
