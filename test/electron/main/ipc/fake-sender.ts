import type { FrameLike, InvokeEventLike } from '../../../../electron/main/ipc/sender-policy.ts';

export function frame(url: string, parent: FrameLike | null = null, processId = 7, routingId = 1): FrameLike {
  return { url, parent, processId, routingId };
}

/** An invoke event from webContents `id` whose main frame is `main`, sent by `sender` (the main frame by default). */
export function invokeEvent(id: number, main: FrameLike, sender: FrameLike | null = main): InvokeEventLike {
  return { sender: { id, mainFrame: main }, senderFrame: sender };
}
