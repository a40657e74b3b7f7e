import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyMeta, parseCsp } from '../../../../electron/main/shell/csp.ts';

describe('content security policy', () => {
  const header = parseCsp(contentSecurityPolicy);

  it('has the required strict directives', () => {
    expect(header.get('default-src')).toEqual(["'self'"]);
    expect(header.get('script-src')).toEqual(["'self'"]);
    expect(header.get('object-src')).toEqual(["'none'"]);
    expect(header.get('base-uri')).toEqual(["'none'"]);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.get('connect-src')).toEqual(["'self'"]);
  });

  it('allows no inline script, eval, wildcard or remote origin anywhere', () => {
    for (const [name, sources] of header) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/unsafe-|\*|^https?:|^http:|^ws|blob:/);
      }
    }
  });

  it('the meta variant is the header minus frame-ancestors (ignored in <meta>)', () => {
    const meta = parseCsp(contentSecurityPolicyMeta);
    expect(meta.has('frame-ancestors')).toBe(false);
    const headerWithoutFrameAncestors = new Map(header);
    headerWithoutFrameAncestors.delete('frame-ancestors');
    expect(meta).toEqual(headerWithoutFrameAncestors);
  });

  it('serialises as one line without quotes that would break a meta attribute', () => {
    expect(contentSecurityPolicy).not.toMatch(/[\n"]/);
    expect(contentSecurityPolicy.startsWith("default-src 'self'; ")).toBe(true);
  });
});
