import { describe, expect, it } from 'vitest';
import { instanceShortcut } from '../../../renderer/app/shortcuts.ts';
import { textOn } from '../../../renderer/app/TopBar.tsx';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('instance shortcuts', () => {
  it('maps Ctrl/Cmd+1..9 to positions 0..8 and ignores the rest', () => {
    expect(instanceShortcut(key('1', { ctrlKey: true }))).toBe(0);
    expect(instanceShortcut(key('9', { metaKey: true }))).toBe(8);
    expect(instanceShortcut(key('0', { ctrlKey: true }))).toBeUndefined();
    expect(instanceShortcut(key('1'))).toBeUndefined();
    expect(instanceShortcut(key('1', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(instanceShortcut(key('1', { ctrlKey: true, altKey: true }))).toBeUndefined();
  });
});

describe('top bar text colour', () => {
  it('picks dark text on light colours and white on dark ones', () => {
    expect(textOn('#ffeb3b')).toBe('#111111');
    expect(textOn('#c62828')).toBe('#ffffff');
    expect(textOn('bogus')).toBe('#ffffff');
  });
});
