import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appSchemePrivileges,
  contentTypeFor,
  handleAppRequest,
  isInsideRoot,
  resolveAppPath,
} from '../../../../electron/main/shell/app-protocol.ts';
import { contentSecurityPolicy } from '../../../../electron/main/shell/csp.ts';

const root = '/srv/renderer';

describe('resolveAppPath: allowed', () => {
  const allowed: Array<[string, string, string]> = [
    ['app://desk/', '/srv/renderer/index.html', 'text/html; charset=utf-8'],
    ['app://desk', '/srv/renderer/index.html', 'text/html; charset=utf-8'],
    ['app://desk/index.html', '/srv/renderer/index.html', 'text/html; charset=utf-8'],
    ['app://desk/assets/index-AbC_12-x.js', '/srv/renderer/assets/index-AbC_12-x.js', 'text/javascript; charset=utf-8'],
    ['app://desk/assets/app.css?v=3#x', '/srv/renderer/assets/app.css', 'text/css; charset=utf-8'],
    ['app://desk/fonts/inter.woff2', '/srv/renderer/fonts/inter.woff2', 'font/woff2'],
    ['app://desk/icon.svg', '/srv/renderer/icon.svg', 'image/svg+xml'],
  ];
  for (const [url, filePath, contentType] of allowed) {
    it(`${url} → ${filePath}`, () => {
      expect(resolveAppPath(url, root)).toEqual({ ok: true, filePath, contentType });
    });
  }
});

describe('resolveAppPath: the traversal table', () => {
  const refused: string[] = [
    'app://desk/../etc/passwd',
    'app://desk/assets/../../etc/passwd',
    'app://desk/./index.html',
    'app://desk/%2e%2e/etc/passwd',
    'app://desk/%2E%2E/%2E%2E/etc/passwd',
    'app://desk/.%2e/secret',
    'app://desk/%2e./secret',
    'app://desk/assets%2f..%2f..%2fetc%2fpasswd',
    'app://desk/assets%2F..%2F..%2Fetc%2Fpasswd',
    'app://desk/..%5c..%5cwindows%5cwin.ini',
    'app://desk/..\\..\\windows\\win.ini',
    'app://desk/index.html%00.png',
    'app://desk/index.html\u0000.png',
    'app://desk//etc/passwd',
    'app://desk/%252e%252e/etc/passwd',
    'app://desk/C:/Windows/win.ini',
    'app://desk/.env',
    'app://desk/assets/.hidden.js',
    'app://desk/%E0%A4%A',
    'app://desk/assets/',
    'app://evil/index.html',
    'app://desk.evil.com/index.html',
    'app://desk:8080/index.html',
    'app://user:pw@desk/index.html',
    'file:///etc/passwd',
    'https://desk/index.html',
    'APP://desk/../../etc/passwd',
    `app://desk/${'a'.repeat(3000)}.js`,
  ];
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url.length > 80 ? `${url.slice(0, 40)}…` : url)}`, () => {
      expect(resolveAppPath(url, root).ok).toBe(false);
    });
  }

  // Each layer must hold on its own (the later layers would also catch most of these).
  const byLayer: Array<[string, string]> = [
    ['app://desk/%2e%2e/etc/passwd', 'encoded traversal'],
    ['app://desk/a%2Fb.js', 'encoded traversal'],
    ['app://desk/a%5cb.js', 'encoded traversal'],
    ['app://desk/a%00.js', 'encoded traversal'],
    ['app://desk/../etc/passwd', 'dot segment'],
    ['app://desk/a/./b.js', 'dot segment'],
    ['app://desk//etc/passwd', 'absolute path'],
    ['app://desk/a\\b.js', 'control character or backslash'],
    ['app://desk/%zz.js', 'malformed escape'],
    ['app://desk/a%20b.js', 'unsafe segment'],
    ['app://other/a.js', 'other origin'],
  ];
  for (const [url, reason] of byLayer) {
    it(`refuses ${url} because: ${reason}`, () => {
      expect(resolveAppPath(url, root)).toMatchObject({ ok: false, reason });
    });
  }

  it('never resolves outside the root, whatever the input', () => {
    const parts = ['..', '.', '%2e', '%2e%2e', '%2f', '/', '\\', 'a', 'index.html', '%00', '', '%5c', ':', 'C:'];
    for (const a of parts) {
      for (const b of parts) {
        for (const c of parts) {
          const result = resolveAppPath(`app://desk/${a}${b}/${c}`, root);
          if (result.ok) expect(result.filePath.startsWith(`${root}/`)).toBe(true);
        }
      }
    }
  });
});

describe('isInsideRoot', () => {
  it('accepts paths strictly below the root only', () => {
    expect(isInsideRoot('/srv/renderer', '/srv/renderer/index.html')).toBe(true);
    expect(isInsideRoot('/srv/renderer/', '/srv/renderer/assets/a.js')).toBe(true);
    expect(isInsideRoot('/srv/renderer', '/srv/renderer')).toBe(false);
    expect(isInsideRoot('/srv/renderer', '/srv/renderer-evil/index.html')).toBe(false);
    expect(isInsideRoot('/srv/renderer', '/srv/renderer/../secret')).toBe(false);
    expect(isInsideRoot('/srv/renderer', '/etc/passwd')).toBe(false);
  });
});

describe('content types and privileges', () => {
  it('maps known extensions and falls back to octet-stream', () => {
    expect(contentTypeFor('/x/a.JSON')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('/x/a.bin')).toBe('application/octet-stream');
  });

  it('registers app:// as standard + secure, without CSP bypass or CORS', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    expect('bypassCSP' in appSchemePrivileges.privileges).toBe(false);
  });
});

describe('handleAppRequest against real files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'app-protocol-'));
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>DF Desk</title>');
    await writeFile(join(dir, 'renderer', 'assets', 'main.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'outside the root');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const opts = () => ({ rootDir: join(dir, 'renderer') });

  it('serves index.html for the root with the CSP header', async () => {
    const response = await handleAppRequest({ url: 'app://desk/', method: 'GET' }, opts());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>DF Desk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their content type', async () => {
    const response = await handleAppRequest({ url: 'app://desk/assets/main.js', method: 'GET' }, opts());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('HEAD has headers and no body', async () => {
    const response = await handleAppRequest({ url: 'app://desk/index.html', method: 'HEAD' }, opts());
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('404s a missing file and a directory', async () => {
    expect((await handleAppRequest({ url: 'app://desk/nope.js', method: 'GET' }, opts())).status).toBe(404);
    expect((await handleAppRequest({ url: 'app://desk/assets', method: 'GET' }, opts())).status).toBe(404);
  });

  it('never serves the file next to the root', async () => {
    for (const url of ['app://desk/../secret.txt', 'app://desk/%2e%2e/secret.txt', 'app://desk/..%2fsecret.txt']) {
      const response = await handleAppRequest({ url, method: 'GET' }, opts());
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain('outside the root');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    }
  });

  it('rejects other methods', async () => {
    expect((await handleAppRequest({ url: 'app://desk/', method: 'POST' }, opts())).status).toBe(405);
  });

  it('answers 500 (without details) when reading fails for another reason', async () => {
    const readFile = () => Promise.reject(Object.assign(new Error('EACCES: /root/x'), { code: 'EACCES' }));
    const response = await handleAppRequest({ url: 'app://desk/', method: 'GET' }, { ...opts(), readFile });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/root');
  });
});
