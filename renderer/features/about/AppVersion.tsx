import { useDeskState } from '../../state/context.ts';
import { useStore } from '../../state/store.ts';
import { updateLine } from './updateText.ts';

/**
 * The sidebar's foot: which DF Desk this is and, in a packaged build, where its updates stand. The update line
 * is a polite live region that stays in place, so a check started from the menu is announced when it ends.
 */
export function AppVersion() {
  const state = useDeskState();
  const info = useStore(state.app.info);
  if (info === null) return null;
  const updates = info.updates;
  const line = updateLine(updates);
  return (
    <footer className="app-version">
      <p className="muted">DF Desk {info.version}</p>
      {updates.state !== 'disabled' && (
        <div role="status" className="muted update-line">
          {updates.state === 'error' ? (
            <details>
              <summary>{line}</summary>
              {updates.message}
            </details>
          ) : (
            line
          )}
        </div>
      )}
    </footer>
  );
}
