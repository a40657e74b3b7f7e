import { useState } from 'react';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';
import { useDeskState } from '../../state/context.ts';
import { useStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AppVersion } from '../about/AppVersion.tsx';
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

/**
 * The item's accessible name: "Local dev, Dev, Active" first (selectors and screen-reader users match it as a
 * prefix), then every other word the item shows, in the order shown ("Ends soon", "Ctrl+1"), so the name
 * contains the visible label (WCAG 2.5.3) and speech input can say what it sees.
 */
export function itemName(instance: Instance, status: SessionStatus | undefined, now: number, shortcut?: string): string {
  const badge = sessionBadge(status, now);
  const rest = [badge.endsSoon ? 'Ends soon' : '', shortcut ?? ''].filter(Boolean);
  return [instance.name, tagLabels[instance.tag], badge.label, ...rest].join(', ');
}

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
          const shortcut = position < 9 ? `${shortcutModifier}${position + 1}` : undefined;
          return (
            <li key={instance.id} className={instance.id === selectedId ? 'selected' : undefined}>
              <button
                type="button"
                className="instance-item"
                aria-current={instance.id === selectedId ? 'true' : undefined}
                aria-label={itemName(instance, sessions[instance.id], now, shortcut)}
                aria-keyshortcuts={shortcut ? `Control+${position + 1} Meta+${position + 1}` : undefined}
                onClick={() => onSelect(instance.id)}
              >
                <span className="instance-line">
                  <span className="swatch" aria-hidden="true" style={{ background: instance.color }} />
                  <span className="instance-name" title={instance.name}>
                    {instance.name}
                  </span>
                </span>{' '}
                {/* Spaces between the parts (flex drops them from the layout): the visible text reads as words,
                    "Local dev Dev Active Ctrl+1", which the accessible name must contain. */}
                <TagBadge tag={instance.tag} /> <StatusBadge status={sessions[instance.id]} now={now} />{' '}
                {shortcut && <kbd className="shortcut">{shortcut}</kbd>}
              </button>
              <button
                type="button"
                className={`star${instance.favorite ? ' starred' : ''}`}
                aria-label={`Star ${instance.name}`}
                aria-pressed={instance.favorite}
                aria-busy={starring === instance.id || undefined}
                // Still focusable while busy (a disabled button drops the focus to the page); clicks wait.
                aria-disabled={starring === instance.id || undefined}
                onClick={() => {
                  if (starring !== instance.id) void toggleFavorite(instance);
                }}
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
      <AppVersion />
    </nav>
  );
}
