import { describe, expect, it } from 'vitest';
import { checkSender, describeSender, type SenderTrust } from '../../../../electron/main/ipc/sender-policy.ts';
import { frame, invokeEvent } from './fake-sender.ts';

const trust: SenderTrust = { isKnownWebContents: (id) => id === 1 };
const verdict = (event: ReturnType<typeof invokeEvent>) => checkSender(describeSender(event), trust);

describe('sender policy', () => {
  it('accepts our window main frame on app://desk', () => {
    const main = frame('app://desk/');
    expect(verdict(invokeEvent(1, main))).toEqual({ ok: true });
    expect(verdict(invokeEvent(1, frame('app://desk/index.html#/instances')))).toEqual({ ok: true });
  });

  it('accepts a distinct frame object for the same frame (same process and routing id)', () => {
    expect(verdict(invokeEvent(1, frame('app://desk/'), frame('app://desk/')))).toEqual({ ok: true });
  });

  it('refuses an unknown webContents', () => {
    expect(verdict(invokeEvent(2, frame('app://desk/')))).toEqual({ ok: false, reason: 'unknown webContents' });
  });

  it('refuses a sub-frame, even one on app://desk', () => {
    const main = frame('app://desk/');
    const sub = frame('app://desk/frame.html', main, 7, 2);
    expect(verdict(invokeEvent(1, main, sub))).toEqual({ ok: false, reason: 'not the main frame' });
  });

  it('refuses a frame that has a parent even if its ids match the main frame', () => {
    const main = frame('app://desk/');
    expect(verdict(invokeEvent(1, main, frame('app://desk/', main, 7, 1)))).toEqual({ ok: false, reason: 'not the main frame' });
  });

  it('refuses a top-level frame that is not this webContents main frame', () => {
    const main = frame('app://desk/');
    expect(verdict(invokeEvent(1, main, frame('app://desk/', null, 8, 1)))).toMatchObject({ ok: false });
    expect(verdict(invokeEvent(1, main, frame('app://desk/', null, 7, 9)))).toMatchObject({ ok: false });
  });

  it('refuses when the sender frame is gone', () => {
    expect(verdict(invokeEvent(1, frame('app://desk/'), null))).toEqual({ ok: false, reason: 'sender frame is gone' });
  });

  const otherPages = [
    'https://desk/',
    'http://127.0.0.1:5173/',
    'file:///opt/df-desk/index.html',
    'app://evil/',
    'app://desk.evil/',
    'app://desk:1/',
    'about:blank',
    'data:text/html,x',
    'devtools://devtools/bundled/inspector.html',
    '',
  ];
  for (const url of otherPages) {
    it(`refuses a main frame showing ${JSON.stringify(url)}`, () => {
      expect(verdict(invokeEvent(1, frame(url)))).toMatchObject({ ok: false });
    });
  }

  it('honours a custom host', () => {
    const custom: SenderTrust = { isKnownWebContents: () => true, host: 'other' };
    expect(checkSender(describeSender(invokeEvent(1, frame('app://other/'))), custom)).toEqual({ ok: true });
    expect(checkSender(describeSender(invokeEvent(1, frame('app://desk/'))), custom)).toMatchObject({ ok: false });
  });
});
