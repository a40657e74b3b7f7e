import { describe, expect, it } from 'vitest';
import { decideNavigation, defaultExternalAllowlist, externalLinkTarget } from '../../../../electron/main/shell/navigation-policy.ts';

describe('externalLinkTarget', () => {
  const opened: Array<[string, string]> = [
    ['https://docs.dreamfactory.com/getting-started', 'https://docs.dreamfactory.com/getting-started'],
    ['https://DOCS.DreamFactory.com/x?y=1#z', 'https://docs.dreamfactory.com/x?y=1#z'],
    ['https://github.com/dreamfactorysoftware/dreamfactory', 'https://github.com/dreamfactorysoftware/dreamfactory'],
  ];
  for (const [url, expected] of opened) {
    it(`opens ${url} externally`, () => expect(externalLinkTarget(url)).toBe(expected));
  }

  const kept: string[] = [
    'http://docs.dreamfactory.com/',
    'https://evil.example.com/',
    'https://docs.dreamfactory.com.evil.example/',
    'https://evildreamfactory.com/',
    'https://x.docs.dreamfactory.com/',
    'https://docs.dreamfactory.com@evil.example/',
    'https://user:pw@docs.dreamfactory.com/',
    'https://docs.dreamfactory.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://desk/',
    'data:text/html,<script>1</script>',
    'mailto:a@b.c',
    'not a url',
    '',
    `https://docs.dreamfactory.com/${'a'.repeat(3000)}`,
  ];
  for (const url of kept) {
    it(`does not open ${JSON.stringify(url.slice(0, 60))}`, () => expect(externalLinkTarget(url)).toBeNull());
  }

  it('honours a custom allowlist', () => {
    expect(externalLinkTarget('https://df.example.com/admin', ['df.example.com'])).toBe('https://df.example.com/admin');
    expect(externalLinkTarget('https://docs.dreamfactory.com/', ['df.example.com'])).toBeNull();
  });

  it('the default allowlist holds exact host names only', () => {
    for (const host of defaultExternalAllowlist) expect(host).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe('decideNavigation', () => {
  it('never allows the window itself to navigate, even to app://', () => {
    for (const url of ['app://desk/other.html', 'https://docs.dreamfactory.com/', 'https://evil.example/']) {
      expect(decideNavigation(url).allowInWindow).toBe(false);
    }
  });

  it('hands allowlisted https links to the system browser', () => {
    expect(decideNavigation('https://docs.dreamfactory.com/').openExternally).toBe('https://docs.dreamfactory.com/');
    expect(decideNavigation('https://evil.example/').openExternally).toBeNull();
  });
});
