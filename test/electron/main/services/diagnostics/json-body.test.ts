import { describe, expect, it } from 'vitest';
import { dfErrorMessage, parseJsonBody } from '../../../../../electron/main/services/diagnostics/json-body.ts';

describe('parseJsonBody / dfErrorMessage', () => {
  it('parses JSON text, leaves other text and parsed values alone', () => {
    expect(parseJsonBody(' {"a":1} ')).toEqual({ a: 1 });
    expect(parseJsonBody('[1]')).toEqual([1]);
    expect(parseJsonBody('{broken')).toBe('{broken');
    expect(parseJsonBody('<html>')).toBe('<html>');
    expect(parseJsonBody({ a: 1 })).toEqual({ a: 1 });
  });

  it("finds DF's envelope message, or null", () => {
    expect(dfErrorMessage({ error: { message: 'Nope.' } })).toBe('Nope.');
    expect(dfErrorMessage('{"error":{"message":"Text."}}')).toBe('Text.');
    expect(dfErrorMessage({ error: 'flat' })).toBeNull();
    expect(dfErrorMessage({ error: { message: 5 } })).toBeNull();
    expect(dfErrorMessage(null)).toBeNull();
  });
});
