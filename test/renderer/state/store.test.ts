import { describe, expect, it } from 'vitest';
import { createStore } from '../../../renderer/state/store.ts';

describe('createStore', () => {
  it('notifies on change only, and stops after unsubscribe', () => {
    const store = createStore({ n: 1 });
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.set((previous) => ({ n: previous.n + 1 }));
    const same = store.get();
    store.set(same);
    expect(store.get()).toEqual({ n: 2 });
    expect(calls).toBe(1);
    stop();
    store.set({ n: 3 });
    expect(calls).toBe(1);
  });
});
