import { useEffect, useRef, useState } from 'react';
import type { Instance } from '../shared/ipc/contract.ts';
import { TopBar } from './app/TopBar.tsx';
import { useInstanceShortcuts } from './app/shortcuts.ts';
import { useShellFocus } from './app/useShellFocus.ts';
import { Workspace } from './app/Workspace.tsx';
import type { DeskClient } from './deskClient.ts';
import { NoticeBanners } from './features/about/NoticeBanners.tsx';
import { UpdateBanner } from './features/about/UpdateBanner.tsx';
import { VaultBanner } from './features/diagnostics/VaultBanner.tsx';
import { InstanceForm } from './features/instances/InstanceForm.tsx';
import { Sidebar } from './features/instances/Sidebar.tsx';
import { sortInstances } from '../shared/instances.ts';
import { SignInDialog } from './features/session/SignInDialog.tsx';
import { DeskStateContext, useDeskState } from './state/context.ts';
import { DeskState } from './state/deskState.ts';
import { useStore } from './state/store.ts';
import { Button } from './ui/Button.tsx';
import { ConfirmProvider } from './ui/confirm.tsx';
import { Modal } from './ui/Modal.tsx';

/** Only the id of the last selected instance is remembered: nothing secret goes to localStorage. */
const selectedKey = 'dfdesk.selected';

function readSelected(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(selectedKey) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeSelected(id: string): void {
  try {
    globalThis.localStorage?.setItem(selectedKey, id);
  } catch {
    // Remembering the selection is a convenience only.
  }
}

type FormState = { mode: 'add' } | { mode: 'edit'; instance: Instance } | null;

function Shell() {
  const state = useDeskState();
  const { list, loaded } = useStore(state.instances);
  const sessions = useStore(state.sessions);
  const sorted = sortInstances(list);
  const [selectedId, setSelectedId] = useState<string | undefined>(readSelected);
  const [form, setForm] = useState<FormState>(null);
  const [signInFor, setSignInFor] = useState<string | null>(null);
  const selected = sorted.find((instance) => instance.id === selectedId) ?? sorted[0];
  const selectedRef = useRef(selected?.id);
  selectedRef.current = selected?.id;
  const signInInstance = signInFor ? list.find((instance) => instance.id === signInFor) : undefined;
  const focus = useShellFocus(selected?.id, signInInstance?.id);

  function select(id: string) {
    setSelectedId(id);
    writeSelected(id);
  }

  useInstanceShortcuts((index) => {
    const target = sorted[index];
    if (!target) return;
    focus.beforeShortcut(target.id);
    select(target.id);
  });

  useEffect(() => {
    // A request that failed because the session ended, or the main process saying so: offer a sign-in over the
    // current view instead of navigating away from it.
    const stopRequests = state.client.onSessionEnded((id) => setSignInFor(id));
    const stopEvents = state.client.on('session.changed', (status) => {
      // Not when blocked: the sign-in would be refused; the Session tab offers the Edit form instead.
      if (status.state === 'needs-sign-in' && !status.blocked && status.instanceId === selectedRef.current) {
        setSignInFor(status.instanceId);
      }
    });
    // File → New instance… (CmdOrCtrl+N) in the application menu.
    const stopMenu = state.client.on('menu.command', ({ command }) => {
      if (command === 'new-instance') setForm({ mode: 'add' });
    });
    return () => {
      stopRequests();
      stopEvents();
      stopMenu();
    };
  }, [state]);

  return (
    <div className="app">
      <TopBar instance={selected} />
      <VaultBanner />
      <NoticeBanners />
      <UpdateBanner />
      <div className="layout">
        <Sidebar
          instances={sorted}
          sessions={sessions}
          selectedId={selected?.id}
          onSelect={select}
          onAdd={() => setForm({ mode: 'add' })}
        />
        <main className="main">
          {selected ? (
            <Workspace
              key={selected.id}
              instance={selected}
              status={sessions[selected.id]}
              onEdit={() => setForm({ mode: 'edit', instance: selected })}
              onRemoved={() => {
                focus.afterRemove(selected.id);
                setSelectedId(undefined);
              }}
              onSignInAgain={() => setSignInFor(selected.id)}
            />
          ) : (
            loaded && (
              <div className="welcome">
                <h1>Welcome to DF Desk</h1>
                <p>Add a DreamFactory instance to keep its session alive, browse its data and call its API.</p>
                <Button variant="primary" onClick={() => setForm({ mode: 'add' })}>
                  Add your first instance
                </Button>
              </div>
            )
          )}
        </main>
      </div>
      {form && (
        <Modal
          title={form.mode === 'edit' ? `Edit ${form.instance.name}` : 'Add a DreamFactory instance'}
          onClose={() => setForm(null)}
          wide
        >
          <InstanceForm
            {...(form.mode === 'edit' ? { instance: form.instance } : {})}
            onCancel={() => setForm(null)}
            onSaved={(saved) => {
              state.upsertInstance(saved);
              if (form.mode === 'add') focus.afterAdd(saved.id);
              setForm(null);
              select(saved.id);
            }}
          />
        </Modal>
      )}
      {signInInstance && (
        <SignInDialog
          key={signInInstance.id}
          instance={signInInstance}
          status={sessions[signInInstance.id]}
          onClose={() => setSignInFor(null)}
        />
      )}
    </div>
  );
}

export function App({ client }: { client: DeskClient }) {
  const [state] = useState(() => new DeskState(client));
  useEffect(() => {
    state.start();
    return () => state.stop();
  }, [state]);
  return (
    <DeskStateContext.Provider value={state}>
      <ConfirmProvider>
        <Shell />
      </ConfirmProvider>
    </DeskStateContext.Provider>
  );
}
