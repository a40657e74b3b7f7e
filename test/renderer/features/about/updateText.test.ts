import { describe, expect, it } from 'vitest';
import { noticeTitles, updateLine } from '../../../../renderer/features/about/updateText.ts';

describe('updateLine', () => {
  it('says where updates stand, and nothing when there is nothing to say', () => {
    expect(updateLine({ state: 'checking' })).toBe('Checking for updates…');
    expect(updateLine({ state: 'available', version: '2.0.0' })).toBe('Downloading DF Desk 2.0.0…');
    expect(updateLine({ state: 'downloading', version: '2.0.0', percent: 42 })).toBe('Downloading DF Desk 2.0.0: 42%');
    expect(updateLine({ state: 'up-to-date', checkedAt: 1 })).toBe('DF Desk is up to date.');
    expect(updateLine({ state: 'error', message: 'x' })).toBe('Could not check for updates.');
    expect(updateLine({ state: 'ready', version: '2.0.0' })).toBeNull();
    expect(updateLine({ state: 'idle' })).toBeNull();
    expect(updateLine({ state: 'disabled', message: 'off' })).toBeNull();
  });

  it('names every notice kind', () => {
    expect(Object.keys(noticeTitles).sort()).toEqual(['settings-migrated', 'settings-recovered', 'window-reloaded']);
  });
});
