import { describe, expect, it } from 'vitest';
import { DeskNotices } from '../../../electron/main/desk-notices.ts';

const reloaded = "DF Desk's window stopped unexpectedly (it crashed) and was reloaded. Nothing you saved was lost.";

describe('DeskNotices', () => {
  it('starts with the start-up notices and hands out copies', () => {
    const notices = new DeskNotices([{ kind: 'settings-migrated', message: 'upgraded' }]);
    const listed = notices.list();
    (listed[0] as { message: string }).message = 'changed';
    expect(notices.list()).toEqual([{ kind: 'settings-migrated', message: 'upgraded' }]);
  });

  it('keeps one notice per kind, with the latest words, in first-seen order', () => {
    const notices = new DeskNotices([{ kind: 'settings-migrated', message: 'upgraded' }]);
    notices.add({ kind: 'window-reloaded', message: 'first crash' });
    notices.add({ kind: 'window-reloaded', message: reloaded });
    expect(notices.list()).toEqual([
      { kind: 'settings-migrated', message: 'upgraded' },
      { kind: 'window-reloaded', message: reloaded },
    ]);
  });

  it('keeps no extra fields a caller passed', () => {
    const notices = new DeskNotices();
    notices.add({ kind: 'window-reloaded', message: 'm', extra: 'x' } as never);
    expect(notices.list()).toEqual([{ kind: 'window-reloaded', message: 'm' }]);
  });
});
