import { describe, expect, it } from 'vitest';
import { renderTable } from './table.ts';

describe('renderTable', () => {
  it('pads every column to its widest cell', () => {
    expect(renderTable(['a', 'bb'], [['xxx', 'y']])).toBe(['| a   | bb |', '|-----|----|', '| xxx | y  |'].join('\n'));
  });
});
