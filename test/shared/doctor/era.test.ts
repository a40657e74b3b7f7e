import { describe, expect, it } from 'vitest';
import { eraOf, versionParts } from '../../../shared/doctor/era.ts';
import { token } from './doctor-facts.ts';

describe('versionParts', () => {
  it('reads major and minor, with or without a v and a suffix', () => {
    expect(versionParts('7.0.0')).toEqual([7, 0]);
    expect(versionParts('v2.14.2-beta')).toEqual([2, 14]);
    expect(versionParts(' 2.3 ')).toEqual([2, 3]);
  });
  it('is null for what is not a version', () => {
    expect(versionParts('latest')).toBeNull();
    expect(versionParts('')).toBeNull();
  });
});

describe('eraOf', () => {
  it.each([
    ['2.0.0', '2.0-2.4', true, true, false],
    ['2.4.0', '2.0-2.4', true, true, false],
    ['2.5.0', '2.5', false, false, false],
    ['2.6.0', '2.6-2.8', true, true, false],
    ['2.8.1', '2.6-2.8', true, true, false],
    ['2.9.0', '2.9-2.14', true, false, true],
    ['2.14.2', '2.9-2.14', true, false, true],
    ['3.0.0', '3+', true, true, false],
    ['7.0.0', '3+', true, true, false],
  ] as const)('%s is era %s', (version, id, refreshWorks, afterExpiry, keepAlive) => {
    const era = eraOf(version, undefined);
    expect(era.id).toBe(id);
    expect(era.refreshWorks).toBe(refreshWorks);
    expect(era.refreshAfterExpiry).toBe(afterExpiry);
    expect(era.keepAliveRequired).toBe(keepAlive);
    expect(era.label).toContain(`DreamFactory ${version}`);
  });

  it('only E1 says a forever token is re-issued after its window', () => {
    expect(eraOf('2.2.0', undefined).foreverMeans).toContain('even after its refresh window');
    expect(eraOf('7.0.0', undefined).foreverMeans).toContain('new refresh window');
    expect(eraOf('2.10.0', undefined).foreverMeans).toContain('before it expires');
  });

  it('without a version, a numeric sub narrows it to DF 2.0–2.6', () => {
    expect(eraOf(undefined, token({ legacyClaims: true })).id).toBe('2.0-2.6');
    expect(eraOf('nonsense', token({ legacyClaims: true })).id).toBe('2.0-2.6');
  });

  it('is unknown with no version and modern claims, and says why', () => {
    const era = eraOf(undefined, token());
    expect(era.id).toBe('unknown');
    expect(era.refreshAfterExpiry).toBeNull();
    expect(era.label).toContain('shows its version only');
  });

  it('a version outside DF 2 and 3+ is unknown', () => {
    expect(eraOf('1.9.4', undefined).id).toBe('unknown');
    expect(eraOf('2.15.0', undefined).id).toBe('unknown');
  });

  it('the version wins over the claims', () => {
    expect(eraOf('2.12.0', token({ legacyClaims: true })).id).toBe('2.9-2.14');
  });
});
