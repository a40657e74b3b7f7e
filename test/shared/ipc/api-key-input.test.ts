import { describe, expect, it } from 'vitest';
import { hasControlCharacter, trimSpaces } from '../../../shared/ipc/api-key-input.ts';

describe('API key input', () => {
  it('finds every C0 control character and DEL, and nothing else', () => {
    for (const char of ['\r', '\n', '\0', '\t', '\u001b', '\u007f']) expect(hasControlCharacter(`k${char}y`), JSON.stringify(char)).toBe(true);
    for (const key of ['6498a8ad', 'k-Live_0123!&co', 'clé-ünïcode', 'with space']) expect(hasControlCharacter(key)).toBe(false);
  });

  it('trims spaces only, so a tab or line break stays for the check to refuse', () => {
    expect(trimSpaces('  key  ')).toBe('key');
    expect(trimSpaces('key\t')).toBe('key\t');
    expect(trimSpaces('\nkey')).toBe('\nkey');
  });
});
