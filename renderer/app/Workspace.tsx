import { type KeyboardEvent, useId, useState } from 'react';
import type { Instance, SessionStatus } from '../../shared/ipc/contract.ts';
import type { DeskError } from '../../shared/ipc/desk-error.ts';
import { uiError } from '../uiError.ts';
import { ApiConsole } from '../features/console/ApiConsole.tsx';
import { forgetDraft } from '../features/console/drafts.ts';
import { forgetHistory } from '../features/console/history.ts';
import { DataBrowser } from '../features/data/DataBrowser.tsx';
import { TagBadge } from '../features/instances/TagBadge.tsx';
import { SessionPanel } from '../features/session/SessionPanel.tsx';
import { StatusBadge } from '../features/session/StatusBadge.tsx';
import { useDeskState } from '../state/context.ts';
import { Button } from '../ui/Button.tsx';
import { useConfirm } from '../ui/confirm.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';

export type TabId = 'session' | 'data' | 'console';
const tabs: readonly { id: TabId; label: string }[] = [
  { id: 'session', label: 'Session' },
  { id: 'data', label: 'Data' },
  { id: 'console', label: 'API console' },
];

/** The last tab per instance, so switching instances and back lands where the user was. */
const lastTab = new Map<string, TabId>();

export interface WorkspaceProps {
  instance: Instance;
  status: SessionStatus | undefined;
  onEdit: () => void;
  onRemoved: () => void;
  onSignInAgain: () => void;
}

export function Workspace({ instance, status, onEdit, onRemoved, onSignInAgain }: WorkspaceProps) {
  const state = useDeskState();
  const confirm = useConfirm();
  const id = useId();
  const [tab, setTabState] = useState<TabId>(() => lastTab.get(instance.id) ?? 'session');
  // Panels mount on first visit and then stay mounted (hidden), so drafts, filters and pages survive tab switches.
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<DeskError | null>(null);

  function setTab(next: TabId) {
    lastTab.set(instance.id, next);
    setTabState(next);
    setVisited((previous) => (previous.has(next) ? previous : new Set([...previous, next])));
  }

  function onTabKeyDown(event: KeyboardEvent) {
    const at = tabs.findIndex((item) => item.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(at + step + tabs.length) % tabs.length];
    if (next) {
      setTab(next.id);
      document.getElementById(`${id}-tab-${next.id}`)?.focus();
    }
  }

  async function remove() {
    const ok = await confirm({
      title: `Remove ${instance.name}?`,
      message: (
        <p>
          DF Desk signs out of <strong>{instance.name}</strong> and deletes its stored API key, session and console
          history from this computer. The DreamFactory instance itself is not touched.
        </p>
      ),
      confirmLabel: 'Yes, remove',
      danger: true,
    });
    if (!ok) return;
    setRemoving(true);
    setRemoveError(null);
    try {
      await state.client.call('instances.remove', { id: instance.id });
      forgetHistory(instance.id);
      forgetDraft(instance.id);
      lastTab.delete(instance.id);
      state.removeInstance(instance.id);
      onRemoved();
    } catch (error) {
      setRemoveError(uiError(error));
      setRemoving(false);
    }
  }

  return (
    <div className="workspace">
      <header className="workspace-head">
        <div className="workspace-title">
          <span className="swatch swatch-large" aria-hidden="true" style={{ background: instance.color }} />
          <h1>{instance.name}</h1>
          <TagBadge tag={instance.tag} />
          <StatusBadge status={status} />
        </div>
        <div className="workspace-url muted">{instance.url}</div>
        <div className="workspace-actions">
          <Button onClick={onEdit}>Edit instance</Button>
          <Button variant="danger" onClick={remove} busy={removing}>
            Remove instance
          </Button>
        </div>
      </header>
      <ErrorAlert error={removeError} title="Could not remove the instance." />
      <div className="tabs" role="tablist" aria-label="Views" onKeyDown={onTabKeyDown}>
        {tabs.map((item) => (
          <button
            key={item.id}
            id={`${id}-tab-${item.id}`}
            type="button"
            role="tab"
            aria-selected={tab === item.id}
            aria-controls={`${id}-panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            onClick={() => setTab(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {tabs.map((item) => (
        <div
          key={item.id}
          id={`${id}-panel-${item.id}`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-${item.id}`}
          hidden={tab !== item.id}
          className="tab-panel"
        >
          {visited.has(item.id) && item.id === 'session' && (
            <SessionPanel instance={instance} status={status} onSignInAgain={onSignInAgain} onEdit={onEdit} />
          )}
          {visited.has(item.id) && item.id === 'data' && (
            <DataBrowser instance={instance} active={tab === 'data'} status={status} onSignIn={onSignInAgain} />
          )}
          {visited.has(item.id) && item.id === 'console' && (
            <ApiConsole instance={instance} status={status} onSignIn={onSignInAgain} />
          )}
        </div>
      ))}
    </div>
  );
}
