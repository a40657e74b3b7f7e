/**
 * The contract's names and the checks the bridge runs on them, with no zod. The sandboxed preload bundles
 * everything it imports, and the schemas (zod) belong to the main process only: the bridge imports this
 * module, never contract.ts at runtime. contract.ts builds its channel table on these same lists, and a
 * type-level check there keeps `channelNames` equal to the table's keys.
 */
import type { DeskEventName, DeskResult } from './contract.ts';

/** IPC channel prefix, so our channels never collide with Electron's or a library's. */
export const ipcPrefix = 'desk:';

/** Every invokable channel, in the contract table's order. */
export const channelNames = [
  'instances.list',
  'instances.add',
  'instances.update',
  'instances.remove',
  'instances.probe',
  'instances.doctor',
  'session.signIn',
  'session.signOut',
  'session.status',
  'session.refresh',
  'request',
  'vault.health',
  'desk.notices',
  'desk.info',
  'update.check',
  'update.restart',
] as const;
export type ChannelName = (typeof channelNames)[number];

/** The tags an instance can carry; `prod` asks before every write. */
export const instanceTags = ['dev', 'staging', 'prod', 'other'] as const;
export type InstanceTag = (typeof instanceTags)[number];

/** The methods the request proxy sends; every one but GET changes data. */
export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof httpMethods)[number];
export const destructiveMethods: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Main → renderer pushes (contract.ts checks this list against the DeskEvents interface). */
export const eventNames = [
  'session.changed',
  'instances.changed',
  'update.changed',
  'menu.command',
] as const satisfies readonly DeskEventName[];

export const deskErrorKinds = [
  'session-ended',
  'bad-credentials',
  'forbidden',
  'not-found',
  'bad-request',
  'network',
  'server',
  'not-dreamfactory',
  'http',
  'invalid-input',
  'unknown-instance',
  'confirmation-required',
  'refused',
  'too-large',
  'tls',
  'vault',
  'internal',
] as const;
export type DeskErrorKind = (typeof deskErrorKinds)[number];

export const internalErrorMessage = 'Something went wrong inside DF Desk. Try again; if it keeps happening, restart the app.';
export const unknownChannelMessage = 'This call is not part of the DF Desk API.';

// A list lookup, not `in` on an object: '__proto__' or 'toString' must never pass as a name.
function listed(list: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && list.includes(value);
}

export function isChannelName(value: unknown): value is ChannelName {
  return listed(channelNames, value);
}

export function isDeskEventName(value: unknown): value is DeskEventName {
  return listed(eventNames, value);
}

export function isDeskErrorKind(value: unknown): value is DeskErrorKind {
  return listed(deskErrorKinds, value);
}

export function refused(message: string): DeskResult<never> {
  return { ok: false, error: { kind: 'refused', message } };
}
