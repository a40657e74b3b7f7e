import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type ContextMenuSource,
  installContextMenu,
  type TextContextParams,
  textFieldContextMenu,
} from '../../../../electron/main/shell/context-menu.ts';

const allowed = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const denied = { canCut: false, canCopy: false, canPaste: false, canSelectAll: false };

function params(overrides: Partial<TextContextParams> = {}): TextContextParams {
  return { isEditable: false, selectionText: '', editFlags: denied, ...overrides };
}

const shape = (menu: MenuItemConstructorOptions[] | null) =>
  menu?.map((item) => (item.type === 'separator' ? '-' : `${item.role}:${item.enabled ? 'on' : 'off'}`));

describe('textFieldContextMenu', () => {
  it('offers cut, copy, paste and select all in an editable field, each as its edit flag allows', () => {
    expect(shape(textFieldContextMenu(params({ isEditable: true, editFlags: allowed })))).toEqual([
      'cut:on',
      'copy:on',
      'paste:on',
      '-',
      'selectAll:on',
    ]);
    // An empty field: nothing selected to cut or copy, but paste works.
    const empty = { ...denied, canPaste: true, canSelectAll: true };
    expect(shape(textFieldContextMenu(params({ isEditable: true, editFlags: empty })))).toEqual([
      'cut:off',
      'copy:off',
      'paste:on',
      '-',
      'selectAll:on',
    ]);
  });

  it('never cuts or copies out of a password field', () => {
    const menu = textFieldContextMenu(
      params({ isEditable: true, formControlType: 'input-password', selectionText: 'hunter2', editFlags: allowed }),
    );
    expect(shape(menu)).toEqual(['cut:off', 'copy:off', 'paste:on', '-', 'selectAll:on']);
  });

  it('offers only Copy for selected text outside a field', () => {
    expect(shape(textFieldContextMenu(params({ selectionText: 'session token expired', editFlags: { ...denied, canCopy: true } })))).toEqual([
      'copy:on',
    ]);
  });

  it('opens no menu elsewhere', () => {
    expect(textFieldContextMenu(params())).toBeNull();
    expect(textFieldContextMenu(params({ editFlags: allowed }))).toBeNull();
  });

  it('uses roles only, so the menu acts on the focused page and nothing else', () => {
    const menu = textFieldContextMenu(params({ isEditable: true, editFlags: allowed })) ?? [];
    expect(menu.every((item) => item.click === undefined)).toBe(true);
  });
});

describe('installContextMenu', () => {
  it('pops the menu up for text, and nothing for a click elsewhere', () => {
    const contents = new EventEmitter();
    const shown: MenuItemConstructorOptions[][] = [];
    installContextMenu(contents as unknown as ContextMenuSource, (template) => shown.push(template));

    contents.emit('context-menu', {}, params());
    expect(shown).toEqual([]);
    contents.emit('context-menu', {}, params({ isEditable: true, editFlags: allowed }));
    expect(shown).toHaveLength(1);
    expect(shape(shown[0] ?? null)).toContain('paste:on');
  });

  it('fits Electron: a WebContents is a ContextMenuSource (checked by tsc)', () => {
    expectTypeOf<WebContents>().toExtend<ContextMenuSource>();
  });
});
