import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyMeta } from '../../electron/main/shell/csp.ts';

describe('renderer/index.html', () => {
  const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');

  it('duplicates the CSP header in its meta tag, minus the header-only directives', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicyMeta);
  });

  it('loads no script from anywhere but itself', () => {
    expect(html).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});
