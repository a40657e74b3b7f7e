import { useDeskState } from '../../state/context.ts';
import { useStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { noticeTitles } from './updateText.ts';

/** What the main process had to tell the user once (a recovered settings file, a reloaded window), until dismissed. */
export function NoticeBanners() {
  const state = useDeskState();
  const notices = useStore(state.app.notices);
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((notice) => (
        <div
          key={notice.kind}
          className={`banner ${notice.kind === 'settings-recovered' ? 'banner-warn' : 'banner-info'}`}
          role="status"
          aria-label={noticeTitles[notice.kind]}
        >
          <div>
            <strong>{noticeTitles[notice.kind]}.</strong> {notice.message}
          </div>
          <Button onClick={() => state.app.dismissNotice(notice.kind)} aria-label={`Dismiss: ${noticeTitles[notice.kind]}`}>
            Dismiss
          </Button>
        </div>
      ))}
    </>
  );
}
