import { describe, expect, it } from 'vitest';
import { dfErrorMessage } from '../../../shared/df/errors.ts';

describe('dfErrorMessage', () => {
  it("finds DF's envelope message in parsed or JSON-text bodies, or null", () => {
    expect(dfErrorMessage({ error: { message: 'Nope.' } })).toBe('Nope.');
    expect(dfErrorMessage('{"error":{"message":"Text."}}')).toBe('Text.');
    expect(dfErrorMessage({ error: 'flat' })).toBeNull();
    expect(dfErrorMessage({ error: { message: 5 } })).toBeNull();
    expect(dfErrorMessage(null)).toBeNull();
    expect(dfErrorMessage('{broken')).toBeNull();
    expect(dfErrorMessage('<html>')).toBeNull();
  });

  it('decodes the HTML entities DF puts in every message', () => {
    expect(dfErrorMessage({ error: { message: 'Table &quot;x&quot; does not exist &amp; never did.' } })).toBe(
      'Table "x" does not exist & never did.',
    );
  });
});
