import { describe, expect, it } from 'vitest';
import { APACHE_ALLOW_OVERRIDE, NGINX_TRY_FILES, REWRITE_RULES_HINT } from '../../../shared/doctor/rewrite-rules.ts';

describe('rewrite rules', () => {
  it('the nginx line falls back to index.php with the query string, as df-docker’s config does', () => {
    expect(NGINX_TRY_FILES).toBe('try_files $uri $uri/ /index.php?$query_string;');
  });
  it('the hint names both servers’ lines', () => {
    expect(REWRITE_RULES_HINT).toContain(NGINX_TRY_FILES);
    expect(REWRITE_RULES_HINT).toContain(APACHE_ALLOW_OVERRIDE);
    expect(REWRITE_RULES_HINT).toContain('mod_rewrite');
  });
});
