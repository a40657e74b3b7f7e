/**
 * Who may call the desk: only the main frame of one of our own windows, showing a page from app://desk.
 * A sub-frame, a page that navigated elsewhere, or a webContents we did not create is refused before any handler.
 */
import { appHost, isAppUrl } from '../app-url.ts';

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
}

export interface SenderInfo {
  webContentsId: number;
  /** null when the frame is gone (navigated or destroyed) by the time the call is handled. */
  frameUrl: string | null;
  isMainFrame: boolean;
}

export interface SenderTrust {
  isKnownWebContents(id: number): boolean;
  host?: string;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

export function describeSender(event: InvokeEventLike): SenderInfo {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  // Electron may hand out distinct WebFrameMain objects for one frame, so compare the frame's identity
  // (process + routing id), not object identity.
  const isMainFrame =
    frame !== null && frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame };
}

export function checkSender(sender: SenderInfo, trust: SenderTrust): SenderVerdict {
  if (!trust.isKnownWebContents(sender.webContentsId)) return { ok: false, reason: 'unknown webContents' };
  if (sender.frameUrl === null) return { ok: false, reason: 'sender frame is gone' };
  if (!sender.isMainFrame) return { ok: false, reason: 'not the main frame' };
  if (!isAppUrl(sender.frameUrl, trust.host ?? appHost)) return { ok: false, reason: 'not an app:// page' };
  return { ok: true };
}
