import { describe, expect, it } from 'vitest';
import { chromeColor, isProd, matchesSearch } from '../../../../renderer/features/instances/tags.ts';
import { anInstance } from '../../support/fixtures.ts';

describe('instance tags and order', () => {
  it('colours the chrome by tag, and by the instance colour for "other"', () => {
    expect(chromeColor(anInstance({ tag: 'prod', color: '#00ff00' }))).toBe('#c62828');
    expect(chromeColor(anInstance({ tag: 'other', color: '#00ff00' }))).toBe('#00ff00');
    expect(isProd(anInstance({ tag: 'prod' }))).toBe(true);
    expect(isProd(undefined)).toBe(false);
  });

  it('searches name, URL and tag', () => {
    const instance = anInstance({ name: 'Billing', url: 'https://bill.example.com', tag: 'staging' });
    expect(matchesSearch(instance, 'BILL')).toBe(true);
    expect(matchesSearch(instance, 'example.com')).toBe(true);
    expect(matchesSearch(instance, 'stag')).toBe(true);
    expect(matchesSearch(instance, 'prod')).toBe(false);
    expect(matchesSearch(instance, '  ')).toBe(true);
  });
});
