import { describe, expect, it } from 'vitest';
import { createOutput } from '../../electron/cli/output.ts';
import { columns, sessionProblems, sessionSummary, tagText, userText } from '../../electron/cli/format.ts';
import type { SessionStatus } from '../../shared/ipc/contract.ts';
import { capture } from './fixtures/cli-harness.ts';

const out = createOutput({ stdout: capture(true), stderr: capture(true), env: { NO_COLOR: '1' } });
const now = 1_000_000;
const active: SessionStatus = {
  instanceId: 'i',
  state: 'active',
  admin: false,
  forever: true,
  refreshCount: 2,
  persistence: 'keychain',
  expiresAt: now + 59 * 60_000,
  user: { id: 1, name: 'Jane Doe', email: 'jane@example.com', isSysAdmin: false },
};

describe('session wording', () => {
  it('sums up an active session', () => {
    expect(sessionSummary(out, active, now)).toBe('signed in as Jane Doe <jane@example.com> · forever · token expires in 59 minutes');
    expect(sessionSummary(out, { ...active, forever: false, persistence: 'memory' }, now)).toBe(
      'signed in as Jane Doe <jane@example.com> · not forever · token expires in 59 minutes · not in the keychain',
    );
  });

  it('names admins and users without email', () => {
    expect(userText({ ...active, admin: true })).toBe('Jane Doe <jane@example.com> (admin)');
    expect(userText({ ...active, user: { id: 1, name: 'jane', email: null, isSysAdmin: false } })).toBe('jane');
    expect(userText({ ...active, user: undefined })).toBeUndefined();
  });

  it('says what went wrong', () => {
    const ended: SessionStatus = { ...active, state: 'needs-sign-in', endedReason: 'The session has ended.' };
    expect(sessionSummary(out, ended, now)).toBe('needs a sign-in as Jane Doe <jane@example.com>');
    expect(sessionProblems(out, ended, now)).toEqual(['The session has ended.']);
    const failing = { ...active, lastRefreshError: { kind: 'network' as const, message: 'Offline.', at: now - 60_000 } };
    expect(sessionProblems(out, failing, now)).toEqual(['Last refresh failed 1 minute ago: Offline.']);
    expect(sessionSummary(out, { ...active, state: 'signed-out', user: undefined }, now)).toBe('signed out');
  });

  it('marks prod', () => {
    const prod = { tag: 'prod' } as Parameters<typeof tagText>[1];
    expect(tagText(out, prod)).toBe('prod');
    const colored = createOutput({ stdout: capture(true), stderr: capture(true), env: {} });
    expect(tagText(colored, prod)).toContain('\u001b[31m');
  });
});

describe('columns', () => {
  it('pads by visible width, ignoring colour escapes', () => {
    expect(columns([['\u001b[1mA\u001b[22m', 'bb', 'c'], ['aaa', 'b', 'cc']])).toEqual(['\u001b[1mA\u001b[22m    bb  c', 'aaa  b   cc']);
  });
});
