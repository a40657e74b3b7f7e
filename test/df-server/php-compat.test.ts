import { describe, expect, it } from 'vitest';
import { htmlEntities, phpBoolval, phpEmpty } from './php-compat.ts';

describe('phpBoolval', () => {
  it.each([
    [true, true],
    [false, false],
    ['false', true],
    ['0', false],
    ['', false],
    ['0.0', true],
    [0, false],
    [2, true],
    [null, false],
    [undefined, false],
    [[], false],
    [[0], true],
    [{}, false],
  ])('%j -> %s', (value, expected) => {
    expect(phpBoolval(value)).toBe(expected);
    expect(phpEmpty(value)).toBe(!expected);
  });
});

describe('htmlEntities', () => {
  it('encodes double quotes, ampersands and angle brackets but keeps single quotes', () => {
    expect(htmlEntities(`Table "x" <y> & 'z'`)).toBe("Table &quot;x&quot; &lt;y&gt; &amp; 'z'");
  });
});
