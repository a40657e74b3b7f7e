import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { ipcPrefix } from '../../../../shared/ipc/contract.ts';
import { frame, invokeEvent } from '../ipc/fake-sender.ts';
import { cleanUpShells, type LaunchedShell, launchShell, quit } from './shell-harness.ts';

const hex = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const colonHex = hex.toUpperCase().match(/../g)?.join(':') ?? '';
const chromiumFingerprint = `sha256/${Buffer.from(hex, 'hex').toString('base64')}`;

let stderr: MockInstance;
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, 'write');
});
afterEach(async () => {
  stderr.mockRestore();
  await cleanUpShells();
});

async function call(shell: LaunchedShell, channel: string, payload: unknown, webContentsId?: number): Promise<unknown> {
  const handler = shell.fake.handlers.get(`${ipcPrefix}${channel}`);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  const id = webContentsId ?? shell.fake.windows[0]?.webContents.id ?? -1;
  return handler(invokeEvent(id, frame('app://desk/')), payload);
}

function certificateError(shell: LaunchedShell, url: string) {
  const event = { preventDefault: vi.fn() };
  const callback = vi.fn();
  shell.fake.emit('certificate-error', event, {}, url, 'net::ERR_CERT_AUTHORITY_INVALID', { fingerprint: chromiumFingerprint }, callback);
  return { event, callback };
}

describe('one log: the desk file log', () => {
  it('holds shell warnings from before ready, then writes them and later ones next to the desk lines; nothing to stderr', async () => {
    const shell = launchShell();
    certificateError(shell, 'https://early.example.com/');
    shell.fake.ready();
    expect(await shell.outcome).toBe('running');

    expect(await call(shell, 'instances.add', { name: 'A', url: 'https://a.example.com' })).toMatchObject({ ok: true });
    await call(shell, 'instances.list', {}, 4242);
    await quit(shell);

    const messages = shell.logLines().map((line) => line.message);
    expect(messages.filter((m) => /^TLS certificate rejected .* for early\.example\.com/.test(m))).toHaveLength(1);
    expect(messages).toContain('Instance added.');
    expect(messages).toContain('Refused IPC call instances.list: unknown webContents.');
    expect(shell.desk()?.logger).toBeDefined();
    expect(shell.fallback).toEqual([]);
    expect(stderr).not.toHaveBeenCalled();
  });
});

describe('certificate trust', () => {
  it("rejects Chromium certificate errors even for an instance's own pinned certificate, and logs it", async () => {
    const shell = launchShell();
    shell.fake.ready();
    await shell.outcome;
    const pinned = { name: 'Pinned', url: 'https://df.example.com:8443', trustedCertificateSha256: colonHex };
    expect(await call(shell, 'instances.add', pinned)).toMatchObject({ ok: true, value: { trustedCertificateSha256: colonHex } });

    const { event, callback } = certificateError(shell, 'https://df.example.com:8443/api/v2/system?session_token=eyJx.y.z');
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(event.preventDefault).not.toHaveBeenCalled();
    await quit(shell);

    const rejected = shell.logLines().find((line) => line.message.startsWith('TLS certificate rejected'));
    expect(rejected?.level).toBe('warn');
    expect(rejected?.message).toContain(`df.example.com:8443: sha256 ${colonHex}`);
    expect(rejected?.message).not.toContain('session_token');
  });
});

describe('startup failure', () => {
  const apiKey = 'ab'.repeat(32);
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl';

  it('shows an error box with the secrets redacted, logs to the fallback (no desk log exists) and quits', async () => {
    const createDesk = () => Promise.reject(new Error(`Keychain refused: session_token=${jwt} key ${apiKey}`));
    const shell = launchShell({ createDesk });
    shell.fake.ready();
    expect(await shell.outcome).toBe('failed');

    expect(shell.fake.errorBoxes).toHaveLength(1);
    const box = shell.fake.errorBoxes[0];
    expect(box?.title).toBe('DF Desk could not start');
    expect(box?.content).toContain('Keychain refused');
    expect(box?.content).not.toContain(jwt);
    expect(box?.content).not.toContain(apiKey);
    expect(shell.fake.journal.at(-1)).toBe('app.quit');
    expect(shell.fake.windows).toHaveLength(0);
    expect(shell.fake.handlers.size).toBe(0);

    expect(shell.fallback).toHaveLength(1);
    expect(shell.fallback[0]).toContain('Startup failed: Error: Keychain refused');
    expect(shell.fallback[0]).not.toContain(jwt);
    expect(shell.fallback[0]).not.toContain(apiKey);
  });

  it('a window that cannot load: one error box, logged in the desk log, and the desk is still disposed on quit', async () => {
    const shell = launchShell();
    shell.fake.setLoadResult(() => Promise.reject(new Error('ERR_FILE_NOT_FOUND')));
    shell.fake.ready();
    expect(await shell.outcome).toBe('running');
    await vi.waitFor(() => expect(shell.fake.errorBoxes).toHaveLength(1));
    expect(shell.fake.journal.at(-1)).toBe('app.quit');
    await quit(shell);

    expect(shell.fake.journal).toContain('desk.dispose');
    expect(shell.logLines().map((line) => line.message)).toContain('Startup failed: Error: ERR_FILE_NOT_FOUND');
    expect(shell.fallback).toEqual([]);
  });
});
