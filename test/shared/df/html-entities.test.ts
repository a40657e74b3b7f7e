import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from '../../../shared/df/html-entities.ts';

describe('decodeHtmlEntities', () => {
  it.each([
    ['Table &quot;x&quot; does not exist in the database.', 'Table "x" does not exist in the database.'],
    ['Field &#039;name&#039; can not be NULL.', "Field 'name' can not be NULL."],
    ['a &lt; b &amp;&amp; c &gt; d', 'a < b && c > d'],
    ['Caf&eacute; M&uuml;ller &euro;5 &#x263A; &#9731;', 'Café Müller €5 ☺ ☃'],
    ['&nbsp;', '\u00a0'],
    ['&yuml;&iexcl;', 'ÿ¡'],
  ])('decodes %j', (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });

  it('leaves unknown or invalid references alone', () => {
    expect(decodeHtmlEntities('&bogus; &#0; &#x110000; & plain')).toBe('&bogus; &#0; &#x110000; & plain');
  });

  it('decodes once (no double decoding)', () => {
    expect(decodeHtmlEntities('&amp;quot;')).toBe('&quot;');
  });
});
