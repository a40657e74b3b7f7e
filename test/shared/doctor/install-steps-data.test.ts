import { describe, expect, it } from 'vitest';
import { installData } from '../../../shared/doctor/install-steps-data.ts';
import { installKinds } from '../../../shared/doctor/install-steps.ts';

describe('installData', () => {
  it('has an entry for exactly the public install kinds', () => {
    expect(Object.keys(installData).sort()).toEqual([...installKinds].sort());
  });

  it('only overrides the setting line for Docker', () => {
    for (const kind of installKinds) {
      expect(installData[kind].settingLine === undefined).toBe(kind !== 'docker');
    }
  });

  it('keeps each install on its own path style', () => {
    for (const kind of ['bitnami-windows', 'windows-iis'] as const) {
      const data = installData[kind];
      expect(data.envPath).toMatch(/^C:\\/);
      expect(data.dfPhp).toMatch(/^C:\\.*\\config\\df\.php$/);
      expect(data.envPath).not.toContain('/');
    }
    for (const kind of ['bitnami-linux', 'bitnami-macos', 'linux-nginx', 'linux-apache'] as const) {
      expect(installData[kind].envPath).toMatch(/^\/.*\/\.env$/);
      expect(installData[kind].dfPhp).toMatch(/^\/.*\/config\/df\.php$/);
    }
  });

  it('names no source twice for one install and links only to https pages', () => {
    for (const kind of installKinds) {
      const urls = installData[kind].sources.map((source) => source.url);
      expect(new Set(urls).size).toBe(urls.length);
      for (const url of urls) expect(url.startsWith('https://')).toBe(true);
    }
  });

  it('pins GitHub sources to a commit, so the cited text cannot drift', () => {
    for (const kind of installKinds) {
      for (const { url } of installData[kind].sources) {
        if (url.startsWith('https://github.com/')) expect(url).toMatch(/\/blob\/[0-9a-f]{40}\//);
      }
    }
  });

  it('grounds Docker in the Docker docs and df-docker itself', () => {
    const urls = installData.docker.sources.map((source) => source.url).join('\n');
    expect(urls).toContain('https://docs.docker.com/compose/reference/up');
    expect(urls).toContain('https://docs.docker.com/compose/reference/restart');
    expect(urls).toContain('dreamfactorysoftware/df-docker');
    expect(installData.docker.checks?.['wrong-env']).toBeDefined();
  });
});
