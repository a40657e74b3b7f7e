import type { ReactNode } from 'react';
import { App } from '../../../renderer/App.tsx';
import { createDeskClient } from '../../../renderer/deskClient.ts';
import { DeskStateContext } from '../../../renderer/state/context.ts';
import { DeskState } from '../../../renderer/state/deskState.ts';
import { ConfirmProvider } from '../../../renderer/ui/confirm.tsx';
import { flush, type Rendered, render } from './dom.tsx';
import type { FakeDesk } from './fakeDesk.ts';

/** Renders a feature component with the app's providers around it, talking to a fake desk. */
export function renderWithDesk(ui: ReactNode, desk: FakeDesk): Rendered & { state: DeskState } {
  const state = new DeskState(createDeskClient(desk));
  const wrapped = (node: ReactNode) => (
    <DeskStateContext.Provider value={state}>
      <ConfirmProvider>{node}</ConfirmProvider>
    </DeskStateContext.Provider>
  );
  const rendered = render(wrapped(ui));
  // New props for the same component, inside the same providers (so its state survives).
  return { ...rendered, rerender: (next) => rendered.rerender(wrapped(next)), state };
}

/** The whole app over a fake desk, after its first round of IPC answers. */
export async function renderApp(desk: FakeDesk): Promise<Rendered> {
  const rendered = render(<App client={createDeskClient(desk)} />);
  await flush();
  await flush();
  return rendered;
}
