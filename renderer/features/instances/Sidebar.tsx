import { useState } from 'react';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';
import { useDeskState } from '../../state/context.ts';
import { useStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { sessionBadge } from '../session/sessionBadge.ts';
import { StatusBadge } from '../session/StatusBadge.tsx';
import { TagBadge } from './TagBadge.tsx';
import { matchesSearch, tagLabels } from './tags.ts';

export interface SidebarProps {
  /** Already in display order (favourites first). */
  instances: readonly Instance[];
  sessions: Readonly<Record<string, SessionStatus>>;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onAdd: () => void;
}

const shortcutModifier = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function Sidebar({ instances, sessions, selectedId, onSelect, onAdd }: SidebarProps) {
  const state = useDeskState();
  const { loaded, error } = useStore(state.instances);
  const [query, setQuery] = useState('');
  const [starring, setStarring] = useState<string | null>(null);
  const [starError, setStarError] = useState<DeskError | null>(null);
  const visible = instances.filter((instance) => matchesSearch(instance, query));
  const now = Date.now();

  async function toggleFavorite(instance: Instance) {
    setStarring(instance.id);
    setStarError(null);
    try {
      const saved = await state.client.call('instances.update', {
        id: instance.id,
        patch: { favorite: !instance.favorite },
      });
      state.upsertInstance(saved);
    } catch (failure) {
      setStarError(uiError(failure));
    } finally {
      setStarring(null);
    }
  }

  return (
    <nav className="sidebar" aria-label="Instances">
      <div className="field sidebar-search">
        <label htmlFor="instance-search">Search instances</label>
        <input
          id="instance-search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Name, URL or tag"
          autoComplete="off"
        />
      </div>
      {!loaded && (
        <p className="muted" aria-busy="true">
          Loading instances…
        </p>
      )}
      <ErrorAlert error={error} title="Could not load the instances." />
      {error && <Button onClick={() => state.reloadInstances()}>Try again</Button>}
      <ErrorAlert error={starError} />
      <ul className="instance-list">
        {visible.map((instance) => {
          const position = instances.indexOf(instance);
          return (
            <li key={instance.id} className={instance.id === selectedId ? 'selected' : undefined}>
              <button
                type="button"
                className="instance-item"
                aria-current={instance.id === selectedId ? 'true' : undefined}
                aria-label={`${instance.name}, ${tagLabels[instance.tag]}, ${sessionBadge(sessions[instance.id], now).label}`}
                aria-keyshortcuts={position < 9 ? `Control+${position + 1} Meta+${position + 1}` : undefined}
                onClick={() => onSelect(instance.id)}
              >
                <span className="instance-line">
                  <span className="swatch" aria-hidden="true" style={{ background: instance.color }} />
                  <span className="instance-name">{instance.name}</span>
                </span>
                <TagBadge tag={instance.tag} />
                <StatusBadge status={sessions[instance.id]} now={now} />
                {position < 9 && (
                  <kbd className="shortcut">
                    {shortcutModifier}
                    {position + 1}
                  </kbd>
                )}
              </button>
              <button
                type="button"
                className={`star${instance.favorite ? ' starred' : ''}`}
                aria-label={`Star ${instance.name}`}
                aria-pressed={instance.favorite}
                aria-busy={starring === instance.id || undefined}
                disabled={starring === instance.id}
                onClick={() => toggleFavorite(instance)}
              >
                {instance.favorite ? '★' : '☆'}
              </button>
            </li>
          );
        })}
      </ul>
      {loaded && instances.length > 0 && visible.length === 0 && <p className="muted">No instance matches.</p>}
      <Button variant="primary" className="add-instance" onClick={onAdd}>
        Add instance
      </Button>
    </nav>
  );
}
