/**
 * The right-click menu. Chromium shows none by itself in Electron, so without this a user cannot paste an API
 * key into a field with the mouse. Only text editing is offered: no Inspect Element, no "open link", nothing
 * that reaches past the page. Spell check is off in webPreferences, so there are no suggestions to list.
 */
import type { ContextMenuParams, EditFlags, MenuItemConstructorOptions } from 'electron';

/** The parts of Electron's ContextMenuParams this reads. */
export type TextContextParams = Pick<ContextMenuParams, 'isEditable' | 'selectionText'> &
  Partial<Pick<ContextMenuParams, 'formControlType'>> & {
    readonly editFlags: Pick<EditFlags, 'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'>;
  };

/** The menu for this right-click, or null when there is nothing to offer (no menu opens). */
export function textFieldContextMenu(params: TextContextParams): MenuItemConstructorOptions[] | null {
  const flags = params.editFlags;
  if (params.isEditable) {
    // Chromium already greys these out in a password field; said again so a secret never reaches the clipboard.
    const secret = params.formControlType === 'input-password';
    return [
      { role: 'cut', enabled: flags.canCut && !secret },
      { role: 'copy', enabled: flags.canCopy && !secret },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  if (params.selectionText.length > 0) return [{ role: 'copy', enabled: flags.canCopy }];
  return null;
}

/** The webContents event this listens to (Electron's WebContents satisfies it). */
export interface ContextMenuSource {
  on(event: 'context-menu', listener: (event: unknown, params: TextContextParams) => void): unknown;
}

/**
 * For each window's webContents. `popup` shows the template; in the app:
 * `(template) => Menu.buildFromTemplate(template).popup({ window })`.
 */
export function installContextMenu(contents: ContextMenuSource, popup: (template: MenuItemConstructorOptions[]) => void): void {
  contents.on('context-menu', (_event, params) => {
    const template = textFieldContextMenu(params);
    if (template !== null) popup(template);
  });
}
