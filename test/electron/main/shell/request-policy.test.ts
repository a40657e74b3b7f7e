import { describe, expect, it } from 'vitest';
import { decideRendererRequest, describeCancelledRequest } from '../../../../electron/main/shell/request-policy.ts';

describe('decideRendererRequest', () => {
  it('lets a page load its own app:// files, data:/blob: URLs and devtools', () => {
    for (const url of ['app://desk/assets/a.js', 'data:image/png;base64,AA', 'blob:app://desk/1', 'devtools://devtools/x']) {
      expect(decideRendererRequest({ url, webContentsId: 1 })).toEqual({ cancel: false });
    }
  });

  it('cancels any network or file request from a page', () => {
    for (const url of [
      'https://df.example.com/api/v2/system',
      'http://127.0.0.1:8080/',
      'wss://evil.example/',
      'ws://127.0.0.1/',
      'file:///etc/passwd',
      'ftp://x/',
      'not a url',
    ]) {
      expect(decideRendererRequest({ url, webContentsId: 1 })).toEqual({ cancel: true });
    }
  });

  it('leaves requests without a webContents (the main process) alone', () => {
    expect(decideRendererRequest({ url: 'https://df.example.com/' })).toEqual({ cancel: false });
  });

  it('logs scheme and host only', () => {
    expect(describeCancelledRequest('https://x.example/p?session_token=eyJabc')).toBe('Cancelled a page request to https://x.example.');
  });
});
